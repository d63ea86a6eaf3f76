/** Shell glob patterns (`*`, `?`, `[...]`) as anchored RegExps, for find -name, grep --include, case. */

const cache = new Map<string, RegExp>()

export const globToRegExp = (glob: string, opts: { icase?: boolean; pathMode?: boolean } = {}): RegExp => {
  const key = `${opts.icase ? 'i' : ''}${opts.pathMode ? 'p' : ''}:${glob}`
  const hit = cache.get(key)
  if (hit) return hit
  let out = '^'
  for (let i = 0; i < glob.length; i++) {
    const c = glob[i] as string
    if (c === '*') out += opts.pathMode ? '.*' : '.*'
    else if (c === '?') out += '.'
    else if (c === '\\' && i + 1 < glob.length) out += (glob[++i] as string).replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
    else if (c === '[') {
      const end = glob.indexOf(']', i + 2)
      if (end === -1) {
        out += '\\['
        continue
      }
      let body = glob.slice(i + 1, end)
      if (body.startsWith('!') || body.startsWith('^')) body = `^${body.slice(1)}`
      body = body.replace(/\[:(\w+):\]/g, (_m, n: string) => ({ alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: '\\s', punct: '!-\\/:-@\\[-`{-~', xdigit: '0-9a-fA-F' })[n] ?? '')
      out += `[${body.replace(/\\(?!s)/g, '\\\\').replace(/]/g, '\\]')}]`
      i = end
    } else out += c.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
  }
  const re = new RegExp(`${out}$`, opts.icase ? 'is' : 's')
  cache.set(key, re)
  return re
}
