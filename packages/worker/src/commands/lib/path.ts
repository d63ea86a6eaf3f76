/** POSIX path arithmetic on strings (no filesystem access), as the commands need it. */

/** Collapses `//`, `.` and `..`; keeps a leading `/`; never returns ''. */
export const normalizePath = (p: string): string => {
  const abs = p.startsWith('/')
  const out: string[] = []
  for (const part of p.split('/')) {
    if (part === '' || part === '.') continue
    if (part === '..') {
      if (out.length > 0 && out[out.length - 1] !== '..') out.pop()
      else if (!abs) out.push('..')
      continue
    }
    out.push(part)
  }
  const joined = out.join('/')
  return abs ? `/${joined}` : joined || '.'
}

/** Absolute, normalised `p` relative to `cwd`. */
export const resolvePath = (cwd: string, p: string): string =>
  normalizePath(p.startsWith('/') ? p : `${cwd}/${p}`)

export const joinPath = (dir: string, name: string): string =>
  dir === '' ? name : dir.endsWith('/') ? `${dir}${name}` : `${dir}/${name}`

/** Like coreutils `basename`: trailing slashes ignored, `/` stays `/`. */
export const baseName = (p: string): string => {
  if (p === '') return ''
  const t = p.replace(/\/+$/, '')
  if (t === '') return '/'
  return t.slice(t.lastIndexOf('/') + 1)
}

/** Like coreutils `dirname`. */
export const dirName = (p: string): string => {
  const t = p.replace(/\/+$/, '')
  if (t === '') return p.startsWith('/') ? '/' : '.'
  const i = t.lastIndexOf('/')
  if (i === -1) return '.'
  const d = t.slice(0, i).replace(/\/+$/, '')
  return d === '' ? '/' : d
}
