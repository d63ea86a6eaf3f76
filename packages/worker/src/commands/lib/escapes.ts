/** Backslash escapes shared by `echo -e` and `printf` (bash semantics), producing bytes. */
import { ByteBuilder } from './bytes.js'

const simple: Record<string, string> = { a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v', '\\': '\\' }

/**
 * Appends `s` to `out` with escapes expanded; returns true when `\c` asks to stop all
 * output. `mode` 'echo' takes `\0nnn` octal; 'printf' takes `\nnn` and keeps `\"` `\'`.
 */
export const appendEscaped = (out: ByteBuilder, s: string, mode: 'echo' | 'printf'): boolean => {
  let plain = ''
  const flush = () => {
    out.text(plain)
    plain = ''
  }
  for (let i = 0; i < s.length; i++) {
    const c = s[i] as string
    if (c !== '\\' || i + 1 >= s.length) {
      plain += c
      continue
    }
    const n = s[i + 1] as string
    if (n in simple) {
      plain += simple[n]
      i++
    } else if (n === 'c') {
      flush()
      return true
    } else if ((n === '0' && mode === 'echo') || (/[0-7]/.test(n) && mode === 'printf')) {
      const start = mode === 'echo' ? i + 2 : i + 1
      const m = /^[0-7]{0,3}/.exec(s.slice(start))?.[0] ?? ''
      flush()
      out.byte(parseInt(m || '0', 8))
      i = start + m.length - 1
    } else if (n === 'x') {
      const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(i + 2))?.[0]
      if (!m) {
        plain += '\\x'
        i++
      } else {
        flush()
        out.byte(parseInt(m, 16))
        i += 1 + m.length
      }
    } else if (n === 'u' || n === 'U') {
      const m = new RegExp(`^[0-9a-fA-F]{1,${n === 'u' ? 4 : 8}}`).exec(s.slice(i + 2))?.[0]
      if (!m) {
        plain += `\\${n}`
        i++
      } else {
        plain += String.fromCodePoint(Math.min(parseInt(m, 16), 0x10ffff))
        i += 1 + m.length
      }
    } else if (mode === 'printf' && (n === '"' || n === "'" || n === '?')) {
      plain += n
      i++
    } else {
      plain += `\\${n}`
      i++
    }
  }
  flush()
  return false
}
