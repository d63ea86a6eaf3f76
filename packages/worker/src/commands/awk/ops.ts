/** awk's small pieces: arithmetic, replacement text, command-line escapes and rand(). */
import { AwkRuntimeError } from './errors.js'

export const arith = (op: string, a: number, b: number): number => {
  switch (op) {
    case '+':
      return a + b
    case '-':
      return a - b
    case '*':
      return a * b
    case '/':
      if (b === 0) throw new AwkRuntimeError('division by zero attempted')
      return a / b
    case '%':
      if (b === 0) throw new AwkRuntimeError('division by zero attempted in `%\'')
      return a % b
    case '^':
      return a ** b
  }
  return 0
}

/** sub/gsub replacement: `&` is the match, `\&` a literal ampersand, `\\` a backslash. */
export const expandAwkRepl = (repl: string, match: string): string => {
  let out = ''
  for (let i = 0; i < repl.length; i++) {
    const c = repl[i]
    if (c === '\\' && (repl[i + 1] === '&' || repl[i + 1] === '\\')) {
      out += repl[++i]
    } else if (c === '&') out += match
    else out += c
  }
  return out
}

/** Escapes in command-line assignments (`-v x='a\tb'`). */
export const processEscapes = (s: string): string =>
  s.replace(/\\([ntr\\"/abfv]|[0-7]{1,3})/g, (_m, c: string) =>
    /^[0-7]/.test(c) ? String.fromCharCode(parseInt(c, 8)) : ({ n: '\n', t: '\t', r: '\r', '\\': '\\', '"': '"', '/': '/', a: '\x07', b: '\b', f: '\f', v: '\v' })[c] ?? c,
  )

/** Small deterministic PRNG: awk's rand() is reproducible until srand() is called. */
export function mulberry(seed: number): () => number {
  let a = (seed * 2654435761) >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
