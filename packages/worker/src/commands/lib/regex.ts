/**
 * POSIX regular expressions (BRE and ERE, with GNU extensions) translated to JavaScript
 * RegExp source, for grep, sed, awk, find -regex and expr-like uses.
 */

const CLASS: Record<string, string> = {
  alpha: 'a-zA-Z',
  digit: '0-9',
  alnum: '0-9a-zA-Z',
  upper: 'A-Z',
  lower: 'a-z',
  space: ' \\t\\n\\r\\f\\v',
  blank: ' \\t',
  punct: '!-\\/:-@\\[-`{-~',
  print: ' -~',
  graph: '!-~',
  cntrl: '\\x00-\\x1f\\x7f',
  xdigit: '0-9A-Fa-f',
  word: '\\w',
}

export class RegexSyntaxError extends Error {
  override readonly name = 'RegexSyntaxError'
}

/** Translates a bracket expression starting at `i` (just after `[`); returns [jsClass, nextIndex]. */
const bracket = (src: string, i: number, icase: boolean): [string, number] => {
  let out = '['
  if (src[i] === '^') {
    out += '^'
    i++
  }
  let first = true
  for (; i < src.length; i++) {
    const c = src[i] as string
    if (c === ']' && !first) return [`${out}]`, i + 1]
    first = false
    if (c === '[' && src[i + 1] === ':') {
      const end = src.indexOf(':]', i + 2)
      if (end === -1) throw new RegexSyntaxError('Unmatched [, [^, [:, [., or [=')
      const name = src.slice(i + 2, end)
      const cls = CLASS[name]
      if (cls === undefined) throw new RegexSyntaxError('Invalid character class name')
      out += icase && (name === 'upper' || name === 'lower') ? 'a-zA-Z' : cls
      i = end + 1
      continue
    }
    if (c === '[' && (src[i + 1] === '=' || src[i + 1] === '.')) {
      const close = `${src[i + 1]}]`
      const end = src.indexOf(close, i + 2)
      if (end === -1) throw new RegexSyntaxError('Unmatched [, [^, [:, [., or [=')
      out += src.slice(i + 2, end).replace(/[\]\\^-]/g, '\\$&')
      i = end + 1
      continue
    }
    // Inside POSIX brackets a backslash is literal; `]` and `^` need escaping in JS.
    if (c === '\\' || c === ']' || c === '[' || (c === '^' && out.length > 1)) out += `\\${c}`
    else out += c
  }
  throw new RegexSyntaxError('Unmatched [, [^, [:, [., or [=')
}

export interface TranslateOptions {
  extended: boolean
  icase?: boolean
}

/** JS RegExp source for a POSIX pattern. Throws RegexSyntaxError on malformed input. */
export const translateRegex = (src: string, opts: TranslateOptions): string => {
  const ere = opts.extended
  let out = ''
  let depth = 0
  // Where a `*` would have nothing to repeat (start, after `(` or `|`): literal in BRE.
  let atStart: boolean = true
  for (let i = 0; i < src.length; i++) {
    const c = src[i] as string
    const wasStart: boolean = atStart
    atStart = false
    if (c === '\\') {
      const n = src[i + 1]
      i++
      if (n === undefined) throw new RegexSyntaxError('Trailing backslash')
      if (!ere && n === '(') {
        out += '('
        depth++
        atStart = true
      } else if (!ere && n === ')') {
        if (depth === 0) throw new RegexSyntaxError('Unmatched ) or \\)')
        out += ')'
        depth--
      } else if (!ere && n === '{') {
        const end = src.indexOf('\\}', i)
        if (end === -1) throw new RegexSyntaxError('Unmatched \\{')
        out += `{${src.slice(i + 1, end)}}`
        i = end + 1
      } else if (!ere && (n === '|' || n === '+' || n === '?')) {
        out += n
        if (n === '|') atStart = true
      } else if (n === '<') out += '\\b(?=\\w)'
      else if (n === '>') out += '\\b(?<=\\w)'
      else if (n === '`') out += '^'
      else if (n === "'") out += '$'
      else if ('wWsSbB'.includes(n)) out += `\\${n}`
      else if (/[1-9]/.test(n)) out += `\\${n}`
      else if (n === 'n') out += '\\n'
      else if (n === 't') out += '\\t'
      else if (/[a-zA-Z0-9]/.test(n)) out += n
      else out += `\\${n}`
      continue
    }
    if (c === '[') {
      const [cls, next] = bracket(src, i + 1, !!opts.icase)
      out += cls
      i = next - 1
      continue
    }
    if (c === '*') {
      if (wasStart) out += '\\*'
      else out += '*'
      continue
    }
    if (c === '^') {
      if (ere || wasStart) out += '^'
      else out += '\\^'
      atStart = ere ? true : wasStart
      continue
    }
    if (c === '$') {
      // BRE: an anchor only at the end (or before `\)` / `\|`).
      const rest = src.slice(i + 1)
      if (ere || rest === '' || rest.startsWith('\\)') || rest.startsWith('\\|')) out += '$'
      else out += '\\$'
      continue
    }
    if (ere) {
      if (c === '(') {
        depth++
        atStart = true
        out += src[i + 1] === ')' ? '(?:' : '('
        continue
      }
      if (c === ')') {
        if (depth === 0) {
          out += '\\)'
          continue
        }
        depth--
        out += ')'
        continue
      }
      if (c === '|') {
        atStart = true
        out += '|'
        continue
      }
      if (c === '{') {
        const m = /^\{(\d*)(,?)(\d*)\}/.exec(src.slice(i))
        if (m && (m[1] !== '' || m[3] !== '')) {
          out += wasStart ? `\\${m[0]}` : `{${m[1] === '' ? '0' : m[1]}${m[2]}${m[3]}}`
          i += m[0].length - 1
        } else out += '\\{'
        continue
      }
      if ((c === '+' || c === '?') && wasStart) {
        out += `\\${c}`
        continue
      }
      out += c === '}' ? '\\}' : c
      continue
    }
    // BRE literals that are special in JS.
    if ('+?(){}|'.includes(c)) out += `\\${c}`
    else if (c === '/') out += '\\/'
    else out += c
  }
  if (depth > 0) throw new RegexSyntaxError(ere ? 'Unmatched ( or \\(' : 'Unmatched ( or \\(')
  return out
}

/** A RegExp for a POSIX pattern (`g` flag added so callers can iterate matches). */
export const posixRegExp = (src: string, opts: TranslateOptions & { global?: boolean; multiline?: boolean }): RegExp =>
  new RegExp(translateRegex(src, opts), `${opts.global === false ? '' : 'g'}${opts.icase ? 'i' : ''}${opts.multiline ? 'm' : ''}`)

export const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')
