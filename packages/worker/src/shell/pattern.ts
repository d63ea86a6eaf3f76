/**
 * Shell patterns (`*`, `?`, `[…]`) as used by globbing, `case`, `[[ == ]]` and `${v#p}`.
 * A pattern is a string where a backslash makes the next character literal; expansion
 * escapes quoted text that way so `"*"` never matches more than a star.
 */

const cache = new Map<string, RegExp>()

const CLASSES: Record<string, string> = {
  alpha: 'a-zA-Z', digit: '0-9', alnum: 'a-zA-Z0-9', upper: 'A-Z', lower: 'a-z', space: ' \\t\\n\\r\\f\\v',
  xdigit: '0-9A-Fa-f', punct: '!-\\/:-@\\[-`{-~', word: 'a-zA-Z0-9_', blank: ' \\t', cntrl: '\\x00-\\x1f\\x7f', print: '\\x20-\\x7e', graph: '\\x21-\\x7e',
}

const reEscape = (c: string): string => c.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&')
const classEscape = (c: string): string => c.replace(/[\\\]\[^-]/g, '\\$&')

/** Translates a pattern into a regular-expression source (no anchors). */
export function patternSource(pat: string, opts: { dotAll?: boolean } = {}): string {
  let re = ''
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i]!
    if (c === '\\') {
      const n = pat[i + 1]
      if (n !== undefined) {
        re += reEscape(n)
        i++
      } else re += '\\\\'
    } else if (c === '*') {
      re += opts.dotAll === false ? '[^/]*' : '[\\s\\S]*'
    } else if (c === '?') {
      re += opts.dotAll === false ? '[^/]' : '[\\s\\S]'
    } else if (c === '[') {
      const end = findBracketEnd(pat, i)
      if (end < 0) {
        re += '\\['
        continue
      }
      let body = pat.slice(i + 1, end)
      let negate = false
      if (body[0] === '!' || body[0] === '^') {
        negate = true
        body = body.slice(1)
      }
      let cls = ''
      for (let j = 0; j < body.length; j++) {
        const b = body[j]!
        if (b === '[' && body[j + 1] === ':') {
          const close = body.indexOf(':]', j + 2)
          if (close > 0) {
            cls += CLASSES[body.slice(j + 2, close)] ?? ''
            j = close + 1
            continue
          }
        }
        if (b === '\\' && j + 1 < body.length) {
          cls += classEscape(body[++j]!)
          continue
        }
        if (b === '-' && j > 0 && j < body.length - 1) {
          cls += '-'
          continue
        }
        cls += classEscape(b)
      }
      re += negate ? `[^${cls}]` : `[${cls}]`
      i = end
    } else re += reEscape(c)
  }
  return re
}

function findBracketEnd(pat: string, start: number): number {
  let j = start + 1
  if (pat[j] === '!' || pat[j] === '^') j++
  if (pat[j] === ']') j++
  for (; j < pat.length; j++) {
    if (pat[j] === '\\') j++
    else if (pat[j] === '[' && pat[j + 1] === ':') {
      const close = pat.indexOf(':]', j + 2)
      if (close > 0) j = close + 1
    } else if (pat[j] === ']') return j
  }
  return -1
}

/** Whole-string match. */
export function matchPattern(pat: string, text: string): boolean {
  let re = cache.get(pat)
  if (!re) {
    re = new RegExp(`^${patternSource(pat)}$`, 'u')
    if (cache.size > 2000) cache.clear()
    cache.set(pat, re)
  }
  return re.test(text)
}

/** True when the pattern has an unescaped glob character. */
export function hasGlob(pat: string): boolean {
  for (let i = 0; i < pat.length; i++) {
    const c = pat[i]
    if (c === '\\') i++
    else if (c === '*' || c === '?') return true
    else if (c === '[' && findBracketEnd(pat, i) > 0) return true
  }
  return false
}

/** Removes pattern escapes: the literal text a non-matching glob stands for. */
export function unescapePattern(pat: string): string {
  return pat.replace(/\\([\s\S])/g, '$1')
}

export const escapePattern = (text: string): string => text.replace(/[\\*?[\]]/g, '\\$&')

/** Shortest or longest prefix of `text` matching `pat`; returns its length or -1. */
export function matchPrefix(pat: string, text: string, longest: boolean): number {
  const re = new RegExp(`^(?:${patternSource(pat)})$`, 'u')
  if (longest) {
    for (let n = text.length; n >= 0; n--) if (re.test(text.slice(0, n))) return n
  } else {
    for (let n = 0; n <= text.length; n++) if (re.test(text.slice(0, n))) return n
  }
  return -1
}

/** Shortest or longest suffix of `text` matching `pat`; returns its start index or -1. */
export function matchSuffix(pat: string, text: string, longest: boolean): number {
  const re = new RegExp(`^(?:${patternSource(pat)})$`, 'u')
  if (longest) {
    for (let s = 0; s <= text.length; s++) if (re.test(text.slice(s))) return s
  } else {
    for (let s = text.length; s >= 0; s--) if (re.test(text.slice(s))) return s
  }
  return -1
}

/** Replaces the first (or every) match of `pat` in `text`, longest match at each position. */
export function replacePattern(pat: string, text: string, rep: string, all: boolean, anchor: '' | '#' | '%'): string {
  if (pat === '') return text
  const src = patternSource(pat)
  if (anchor === '#') {
    const n = matchPrefix(pat, text, true)
    return n < 0 ? text : rep + text.slice(n)
  }
  if (anchor === '%') {
    const s = matchSuffix(pat, text, true)
    return s < 0 ? text : text.slice(0, s) + rep
  }
  const full = new RegExp(`^(?:${src})$`, 'u')
  let out = ''
  let i = 0
  while (i <= text.length) {
    let matched = -1
    for (let n = text.length - i; n > 0; n--) {
      if (full.test(text.slice(i, i + n))) {
        matched = n
        break
      }
    }
    if (matched > 0) {
      out += rep
      i += matched
      if (!all) return out + text.slice(i)
      continue
    }
    if (i < text.length) out += text[i]
    i++
  }
  return out
}

/** Rewrites POSIX bracket classes (`[[:digit:]]`) inside an ERE for JavaScript. */
export function posixClassesToJs(re: string): string {
  return re.replace(/\[:([a-z]+):\]/g, (m, name: string) => CLASSES[name] ?? m)
}
