/** jq lexer: tokens, with string interpolation lexed recursively. */

export class JqSyntaxError extends Error {
  override readonly name = 'JqSyntaxError'
}

export type Tok = { t: 'num'; v: number } | { t: 'str'; parts: Array<string | Tok[]> } | { t: 'ident'; v: string } | { t: 'field'; v: string } | { t: 'var'; v: string } | { t: 'format'; v: string } | { t: 'op'; v: string } | { t: 'eof' }

export const KEYWORDS = new Set(['def', 'if', 'then', 'elif', 'else', 'end', 'as', 'reduce', 'foreach', 'try', 'catch', 'label', 'import', 'include', 'and', 'or', 'not', '__loc__'])
const OPS = ['?//', '|=', '+=', '-=', '*=', '/=', '%=', '//=', '==', '!=', '<=', '>=', '//', '..', 'and', 'or', '|', ',', '+', '-', '*', '/', '%', '=', '<', '>', '.', '[', ']', '(', ')', '{', '}', ':', ';', '?']

export const lex = (src: string): Tok[] => {
  const toks: Tok[] = []
  let i = 0
  const readString = (): Tok => {
    // i points after the opening quote
    const parts: Array<string | Tok[]> = []
    let cur = ''
    while (i < src.length && src[i] !== '"') {
      const c = src[i] as string
      if (c === '\\') {
        const n = src[i + 1]
        if (n === '(') {
          // interpolation: lex until the matching ')'
          i += 2
          let depth = 1
          const start = i
          let inStr = false
          while (i < src.length && depth > 0) {
            const ch = src[i]
            if (inStr) {
              if (ch === '\\') i++
              else if (ch === '"') inStr = false
            } else if (ch === '"') inStr = true
            else if (ch === '(') depth++
            else if (ch === ')') depth--
            i++
          }
          if (cur) parts.push(cur)
          cur = ''
          parts.push(lex(src.slice(start, i - 1)))
          continue
        }
        const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', '\\': '\\', '/': '/' }
        if (n === 'u') {
          let code = parseInt(src.slice(i + 2, i + 6), 16)
          i += 6
          if (code >= 0xd800 && code < 0xdc00 && src[i] === '\\' && src[i + 1] === 'u') {
            const lo = parseInt(src.slice(i + 2, i + 6), 16)
            code = 0x10000 + ((code - 0xd800) << 10) + (lo - 0xdc00)
            i += 6
          }
          cur += String.fromCodePoint(code)
          continue
        }
        if (n === undefined || !(n in map)) throw new JqSyntaxError(`invalid escape at line 1`)
        cur += map[n]
        i += 2
        continue
      }
      cur += c
      i++
    }
    if (i >= src.length) throw new JqSyntaxError('unterminated string literal')
    i++
    if (cur || parts.length === 0) parts.push(cur)
    return { t: 'str', parts }
  }
  while (i < src.length) {
    const c = src[i] as string
    if (/\s/.test(c)) {
      i++
      continue
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++
      continue
    }
    if (c === '"') {
      i++
      toks.push(readString())
      continue
    }
    const num = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/.exec(src.slice(i))
    if (num && !(c === '.' && toks.length > 0 && false)) {
      if (c !== '.' || /\d/.test(src[i + 1] ?? '')) {
        toks.push({ t: 'num', v: Number(num[0]) })
        i += num[0].length
        continue
      }
    }
    if (c === '.' && /[A-Za-z_]/.test(src[i + 1] ?? '')) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i + 1)) as RegExpExecArray
      toks.push({ t: 'field', v: m[0] })
      i += 1 + m[0].length
      continue
    }
    if (c === '$') {
      const m = /^(?:__loc__|[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)*)/.exec(src.slice(i + 1))
      if (!m) throw new JqSyntaxError('syntax error: unexpected $')
      toks.push({ t: 'var', v: m[0] })
      i += 1 + m[0].length
      continue
    }
    if (c === '@') {
      const m = /^[A-Za-z0-9_]+/.exec(src.slice(i + 1))
      if (!m) throw new JqSyntaxError('syntax error: unexpected @')
      toks.push({ t: 'format', v: m[0] })
      i += 1 + m[0].length
      continue
    }
    const id = /^[A-Za-z_][A-Za-z0-9_]*(?:::[A-Za-z_][A-Za-z0-9_]*)*/.exec(src.slice(i))
    if (id) {
      toks.push(id[0] === 'and' || id[0] === 'or' ? { t: 'op', v: id[0] } : { t: 'ident', v: id[0] })
      i += id[0].length
      continue
    }
    const op = OPS.find((o) => src.startsWith(o, i))
    if (!op) throw new JqSyntaxError(`syntax error, unexpected INVALID_CHARACTER (Unix shell quoting issues?) at <top-level>, line 1:\n${src}`)
    toks.push({ t: 'op', v: op })
    i += op.length
  }
  toks.push({ t: 'eof' })
  return toks
}
