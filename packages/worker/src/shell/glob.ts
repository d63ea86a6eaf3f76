/**
 * Pathname expansion over the VFS. Patterns come from expand.ts with quoted characters
 * escaped; results keep the pattern's own prefix (relative stays relative) and sort in
 * byte order, like bash under LC_ALL=C.
 */
import type { Vfs } from '../vfs/types.js'
import { hasGlob, matchPattern, unescapePattern } from './pattern.js'
import type { ShellOptionsState } from './state.js'

const MAX_MATCHES = 100_000

export function globExpand(fs: Vfs, cwd: string, pattern: string, opts: Pick<ShellOptionsState, 'dotglob' | 'globstar'>): string[] {
  const absolute = pattern.startsWith('/')
  const segments = pattern.split('/').filter((s, i) => s !== '' || i === 0)
  if (absolute) segments.shift()
  // Each candidate: [displayed path, absolute path]
  let cands: Array<[string, string]> = [[absolute ? '/' : '', absolute ? '/' : cwd]]
  const join = (shown: string, name: string): string => (shown === '' ? name : shown.endsWith('/') ? shown + name : `${shown}/${name}`)
  const absJoin = (dir: string, name: string): string => (dir.endsWith('/') ? dir + name : `${dir}/${name}`)
  for (let si = 0; si < segments.length; si++) {
    const seg = segments[si]!
    const last = si === segments.length - 1
    const next: Array<[string, string]> = []
    if (!hasGlob(seg)) {
      const name = unescapePattern(seg)
      for (const [shown, abs] of cands) {
        const p = absJoin(abs, name)
        if (last ? fs.exists(p) || isSymlink(fs, p) : isDir(fs, p)) next.push([join(shown, name), p])
      }
    } else if (seg === '**' && opts.globstar) {
      for (const [shown, abs] of cands) walk(fs, shown, abs, next, opts.dotglob, join, absJoin)
    } else {
      const dotOk = seg.startsWith('.') || seg.startsWith('\\.') || opts.dotglob
      for (const [shown, abs] of cands) {
        let entries
        try {
          entries = fs.readdir(abs)
        } catch {
          continue
        }
        const names = entries.map((e) => e.name).sort(byteOrder)
        for (const name of names) {
          if (name.startsWith('.') && !dotOk) continue
          if (name === '.' || name === '..') continue
          if (!matchPattern(seg, name)) continue
          const p = absJoin(abs, name)
          if (!last && !isDir(fs, p)) continue
          next.push([join(shown, name), p])
          if (next.length > MAX_MATCHES) break
        }
      }
    }
    cands = next
    if (cands.length === 0) return []
  }
  if (pattern.endsWith('/')) return cands.filter(([, abs]) => isDir(fs, abs)).map(([s]) => s + '/')
  return cands.map(([s]) => s)
}

function walk(
  fs: Vfs, shown: string, abs: string, out: Array<[string, string]>, dot: boolean,
  join: (s: string, n: string) => string, absJoin: (d: string, n: string) => string,
): void {
  out.push([shown, abs])
  let entries
  try {
    entries = fs.readdir(abs)
  } catch {
    return
  }
  for (const e of entries.sort((a, b) => byteOrder(a.name, b.name))) {
    if (e.type !== 'dir' || (!dot && e.name.startsWith('.'))) continue
    walk(fs, join(shown, e.name), absJoin(abs, e.name), out, dot, join, absJoin)
  }
}

const byteOrder = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

function isDir(fs: Vfs, p: string): boolean {
  try {
    return fs.stat(p).type === 'dir'
  } catch {
    return false
  }
}

function isSymlink(fs: Vfs, p: string): boolean {
  try {
    return fs.lstat(p).type === 'symlink'
  } catch {
    return false
  }
}
