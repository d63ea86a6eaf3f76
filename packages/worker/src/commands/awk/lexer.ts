/** awk lexer: tokens with the context rule that decides whether `/` starts a regex. */

export type TokKind = 'num' | 'str' | 'regex' | 'name' | 'funcname' | 'builtin' | 'kw' | 'op' | 'nl' | 'eof'

export interface Token {
  kind: TokKind
  value: string
  num?: number
  line: number
}

export class AwkSyntaxError extends Error {
  override readonly name = 'AwkSyntaxError'
}

const KEYWORDS = new Set(['BEGIN', 'END', 'function', 'func', 'if', 'else', 'while', 'for', 'do', 'break', 'continue', 'next', 'nextfile', 'exit', 'return', 'delete', 'in', 'getline', 'print', 'printf'])
export const BUILTINS = new Set(['length', 'substr', 'index', 'split', 'sub', 'gsub', 'gensub', 'match', 'sprintf', 'sin', 'cos', 'atan2', 'exp', 'log', 'sqrt', 'int', 'rand', 'srand', 'tolower', 'toupper', 'system', 'close', 'fflush', 'systime', 'strftime'])

const OPS = ['+=', '-=', '*=', '/=', '%=', '^=', '**=', '==', '<=', '>=', '!=', '++', '--', '&&', '||', '>>', '!~', '**', '{', '}', '(', ')', '[', ']', ';', ',', '+', '-', '*', '/', '%', '^', '!', '>', '<', '|', '?', ':', '~', '$', '=']

const ESC: Record<string, string> = { n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '/': '/', a: '\x07', b: '\b', f: '\f', v: '\v' }

export const tokenize = (src: string): Token[] => {
  const toks: Token[] = []
  let i = 0
  let line = 1
  // A `/` begins a regex unless the previous token ends an operand.
  const regexAllowed = () => {
    const p = toks[toks.length - 1]
    if (!p) return true
    if (p.kind === 'num' || p.kind === 'str' || p.kind === 'name' || p.kind === 'regex') return false
    if (p.kind === 'builtin') return false
    if (p.kind === 'op' && (p.value === ')' || p.value === ']' || p.value === '$' || p.value === '++' || p.value === '--')) return false
    if (p.kind === 'kw' && p.value === 'getline') return false
    return true
  }
  while (i < src.length) {
    const c = src[i] as string
    if (c === '\\' && src[i + 1] === '\n') {
      i += 2
      line++
      continue
    }
    if (c === '\\' && src[i + 1] === '\r' && src[i + 2] === '\n') {
      i += 3
      line++
      continue
    }
    if (c === ' ' || c === '\t' || c === '\r') {
      i++
      continue
    }
    if (c === '#') {
      while (i < src.length && src[i] !== '\n') i++
      continue
    }
    if (c === '\n') {
      toks.push({ kind: 'nl', value: '\n', line })
      line++
      i++
      continue
    }
    if (c === '"') {
      let s = ''
      i++
      while (i < src.length && src[i] !== '"') {
        if (src[i] === '\n') throw new AwkSyntaxError('unterminated string')
        if (src[i] === '\\' && i + 1 < src.length) {
          const n = src[i + 1] as string
          if (n in ESC) {
            s += ESC[n]
            i += 2
          } else if (/[0-7]/.test(n)) {
            const m = /^[0-7]{1,3}/.exec(src.slice(i + 1)) as RegExpExecArray
            s += String.fromCharCode(parseInt(m[0], 8))
            i += 1 + m[0].length
          } else if (n === '\n') {
            i += 2
            line++
          } else {
            s += `\\${n}`
            i += 2
          }
          continue
        }
        s += src[i++]
      }
      if (i >= src.length) throw new AwkSyntaxError('unterminated string')
      i++
      toks.push({ kind: 'str', value: s, line })
      continue
    }
    if (c === '/' && regexAllowed()) {
      let s = ''
      i++
      let inBracket = false
      while (i < src.length && (src[i] !== '/' || inBracket)) {
        if (src[i] === '\n') throw new AwkSyntaxError('unterminated regexp')
        if (src[i] === '\\' && i + 1 < src.length) {
          s += src[i + 1] === '/' ? '/' : src.slice(i, i + 2)
          i += 2
          continue
        }
        if (src[i] === '[' && !inBracket) {
          inBracket = true
          s += src[i++]
          if (src[i] === '^') s += src[i++]
          if (src[i] === ']') s += src[i++]
          continue
        }
        if (src[i] === ']' && inBracket) inBracket = false
        s += src[i++]
      }
      if (i >= src.length) throw new AwkSyntaxError('unterminated regexp')
      i++
      toks.push({ kind: 'regex', value: s, line })
      continue
    }
    const num = /^(?:0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)/.exec(src.slice(i))
    if (num && /[\d.]/.test(c)) {
      toks.push({ kind: 'num', value: num[0], num: Number(num[0]), line })
      i += num[0].length
      continue
    }
    const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))
    if (word) {
      const w = word[0]
      i += w.length
      if (KEYWORDS.has(w)) toks.push({ kind: 'kw', value: w === 'func' ? 'function' : w, line })
      else if (BUILTINS.has(w)) toks.push({ kind: 'builtin', value: w, line })
      else if (src[i] === '(') toks.push({ kind: 'funcname', value: w, line })
      else toks.push({ kind: 'name', value: w, line })
      continue
    }
    const op = OPS.find((o) => src.startsWith(o, i))
    if (!op) throw new AwkSyntaxError(`invalid char '${c}' in expression`)
    toks.push({ kind: 'op', value: op === '**' ? '^' : op === '**=' ? '^=' : op, line })
    i += op.length
  }
  toks.push({ kind: 'eof', value: '', line })
  return toks
}
