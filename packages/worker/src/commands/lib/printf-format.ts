/**
 * printf-style formatting shared by `printf`, `seq -f` and awk: conversions
 * d i o u x X c s b q f F e E g G a %, flags `-+ #0`, width and precision (incl. `*`).
 */
import { ByteBuilder } from './bytes.js'
import { appendEscaped } from './escapes.js'

export interface PrintfResult {
  text: string
  /** Raw output (escapes like `\xff` are bytes, not characters). */
  bytes: Uint8Array
  /** Arguments that did not parse as numbers (bash prints `invalid number`). */
  invalid: string[]
  /** `\c` in a %b argument stopped output. */
  stopped: boolean
}

/** Parses a shell numeric argument: decimal, 0x hex, 0 octal, or 'c / "c for a character code. */
export const parseShellNumber = (s: string): { value: number; ok: boolean } => {
  const t = s.trim()
  if (t === '') return { value: 0, ok: true }
  if (/^['"]/.test(t)) return { value: t.length > 1 ? (t.codePointAt(1) ?? 0) : 0, ok: true }
  const m = /^([+-]?)(0[xX][0-9a-fA-F]+|0[0-7]*|[1-9]\d*)/.exec(t)
  if (m) {
    const body = m[2] as string
    const v = /^0[xX]/.test(body) ? parseInt(body, 16) : body.length > 1 && body.startsWith('0') ? parseInt(body, 8) : Number(body)
    return { value: m[1] === '-' ? -v : v, ok: m[0].length === t.length }
  }
  const f = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(t)
  if (f) return { value: Math.trunc(Number(f[0])), ok: false }
  return { value: 0, ok: false }
}

const parseFloatArg = (s: string): { value: number; ok: boolean } => {
  const t = s.trim()
  if (t === '') return { value: 0, ok: true }
  if (/^['"]/.test(t)) return { value: t.length > 1 ? (t.codePointAt(1) ?? 0) : 0, ok: true }
  if (/^[+-]?(inf|infinity)$/i.test(t)) return { value: t.startsWith('-') ? -Infinity : Infinity, ok: true }
  if (/^[+-]?nan$/i.test(t)) return { value: NaN, ok: true }
  if (/^[+-]?0[xX][0-9a-fA-F]+$/.test(t)) return { value: parseInt(t, 16), ok: true }
  const m = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(t)
  if (!m) return { value: 0, ok: false }
  return { value: Number(m[0]), ok: m[0].length === t.length }
}

/** C's %e: `1.234560e+01`. */
export const formatExp = (v: number, prec: number, upper: boolean, alt = false): string => {
  let s = v.toExponential(prec)
  s = s.replace(/e([+-])(\d)$/, 'e$10$2')
  if (alt && prec === 0) s = s.replace('e', '.e')
  return upper ? s.toUpperCase() : s
}

/** C's %g: shortest of %e/%f at `prec` significant digits, trailing zeros removed unless `#`. */
export const formatG = (v: number, prec: number, upper: boolean, alt = false): string => {
  const p = prec === 0 ? 1 : prec
  if (v === 0) return alt ? `0.${'0'.repeat(p - 1)}` : '0'
  const exp = Number(v.toExponential(p - 1).split('e')[1])
  let s: string
  if (exp < -4 || exp >= p) {
    s = formatExp(v, p - 1, upper, alt)
    if (!alt) s = s.replace(/\.?0+(e)/i, '$1')
  } else {
    s = v.toFixed(Math.max(0, p - 1 - exp))
    if (!alt && s.includes('.')) s = s.replace(/\.?0+$/, '')
  }
  return s
}

const nonFinite = (v: number, upper: boolean): string | null => {
  if (Number.isNaN(v)) return upper ? 'NAN' : 'nan'
  if (!Number.isFinite(v)) return (v < 0 ? '-' : '') + (upper ? 'INF' : 'inf')
  return null
}

/** Shell-quotes like bash's `printf %q`. */
export const shellQuote = (s: string): string => {
  if (s === '') return "''"
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s
  if (/[\x00-\x1f\x7f]/.test(s)) {
    return `$'${s.replace(/[\\']/g, (c) => `\\${c}`).replace(/[\x00-\x1f\x7f]/g, (c) => ({ '\n': '\\n', '\t': '\\t', '\r': '\\r' })[c] ?? `\\${c.charCodeAt(0).toString(8).padStart(3, '0')}`)}'`
  }
  return s.replace(/[^A-Za-z0-9_@%+=:,./-]/g, (c) => `\\${c}`)
}

interface Spec {
  flags: string
  width: number | undefined
  prec: number | undefined
  conv: string
}

/** Applies width and `-`/`0` padding to a converted value. */
const pad = (body: string, spec: Spec, numeric: boolean): string => {
  const w = spec.width ?? 0
  if (body.length >= w) return body
  if (spec.flags.includes('-')) return body.padEnd(w)
  if (numeric && spec.flags.includes('0') && !(spec.prec !== undefined && 'diouxX'.includes(spec.conv)) && !/[a-z]/i.test(body.replace(/^[+-]?(0x)?/i, '').replace(/e[+-]\d+$/i, ''))) {
    const sign = /^[+-]|^ /.exec(body)?.[0] ?? ''
    const prefix = /^[+-]?0[xX]/.test(body) ? body.slice(sign.length, sign.length + 2) : ''
    const rest = body.slice(sign.length + prefix.length)
    return sign + prefix + rest.padStart(w - sign.length - prefix.length, '0')
  }
  return body.padStart(w)
}

export const convert = (spec: Spec, arg: string | undefined, invalid: string[]): string => {
  const { flags, conv } = spec
  const sign = (v: number, s: string) => (v < 0 || Object.is(v, -0) ? s : flags.includes('+') ? `+${s}` : flags.includes(' ') ? ` ${s}` : s)
  switch (conv) {
    case 's': {
      let s = arg ?? ''
      if (spec.prec !== undefined) s = s.slice(0, spec.prec)
      return pad(s, spec, false)
    }
    case 'q':
      return pad(shellQuote(arg ?? ''), spec, false)
    case 'c':
      return pad((arg ?? '').slice(0, 1) || (arg === undefined ? '' : ''), spec, false)
    case 'd':
    case 'i':
    case 'o':
    case 'u':
    case 'x':
    case 'X': {
      const n = parseShellNumber(arg ?? '')
      if (!n.ok) invalid.push(arg ?? '')
      let v = n.value
      let digits: string
      if (conv === 'd' || conv === 'i') digits = String(Math.abs(Math.trunc(v)))
      else {
        if (v < 0) v = Number(BigInt.asUintN(64, BigInt(Math.trunc(v))))
        digits = conv === 'o' ? Math.trunc(v).toString(8) : conv === 'u' ? String(Math.trunc(v)) : Math.trunc(v).toString(16)
        if (conv === 'X') digits = digits.toUpperCase()
      }
      if (spec.prec !== undefined) digits = spec.prec === 0 && v === 0 ? '' : digits.padStart(spec.prec, '0')
      if (flags.includes('#') && v !== 0) {
        if (conv === 'o' && !digits.startsWith('0')) digits = `0${digits}`
        if (conv === 'x') digits = `0x${digits}`
        if (conv === 'X') digits = `0X${digits}`
      }
      return pad(conv === 'd' || conv === 'i' ? (v < 0 ? `-${digits}` : sign(v, digits)) : digits, spec, true)
    }
    default: {
      const n = parseFloatArg(arg ?? '')
      if (!n.ok) invalid.push(arg ?? '')
      const v = n.value
      const upper = conv === conv.toUpperCase()
      const prec = spec.prec ?? 6
      const special = nonFinite(v, upper)
      let body: string
      if (special !== null) body = special.replace(/^-/, '')
      else if (conv === 'f' || conv === 'F') body = Math.abs(v).toFixed(prec) + (flags.includes('#') && prec === 0 ? '.' : '')
      else if (conv === 'e' || conv === 'E') body = formatExp(Math.abs(v), prec, upper, flags.includes('#'))
      else if (conv === 'a' || conv === 'A') body = Math.abs(v).toString(16)
      else body = formatG(Math.abs(v), prec, upper, flags.includes('#'))
      const out = v < 0 || Object.is(v, -0) ? `-${body}` : sign(v, body)
      return special !== null ? pad(out, { ...spec, flags: spec.flags.replace('0', '') }, false) : pad(out, spec, true)
    }
  }
}

/**
 * Formats like bash's printf: the format is reused while arguments remain; missing
 * arguments read as empty/zero. `mode` 'awk' leaves backslashes alone (awk already
 * processed them) and does not loop.
 */
export const formatPrintf = (format: string, args: readonly string[], mode: 'shell' | 'awk' = 'shell'): PrintfResult => {
  const out = new ByteBuilder()
  const invalid: string[] = []
  let ai = 0
  let stopped = false
  const next = () => args[ai++]
  for (;;) {
    const startAi = ai
    let usedArg = false
    let i = 0
    while (i < format.length) {
      const c = format[i] as string
      if (c === '\\' && mode === 'shell') {
        let j = i + 1
        if (/[0-7]/.test(format[j] ?? '')) while (j < i + 4 && /[0-7]/.test(format[j] ?? '')) j++
        else if (format[j] === 'x') {
          j++
          while (j < i + 4 && /[0-9a-fA-F]/.test(format[j] ?? '')) j++
        } else if (format[j] === 'u' || format[j] === 'U') {
          const max = format[j] === 'u' ? 4 : 8
          const s = ++j
          while (j < s + max && /[0-9a-fA-F]/.test(format[j] ?? '')) j++
        } else j++
        if (appendEscaped(out, format.slice(i, j), 'printf')) return { text: '', bytes: out.result(), invalid, stopped: true }
        i = j
        continue
      }
      if (c !== '%') {
        let j = i
        while (j < format.length && format[j] !== '%' && !(format[j] === '\\' && mode === 'shell')) j++
        out.text(format.slice(i, j))
        i = j
        continue
      }
      if (format[i + 1] === '%') {
        out.text('%')
        i += 2
        continue
      }
      const m = /^%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?(hh|h|ll|l|L|q|j|z|t)?([diouxXcsbqfFeEgGaA])/.exec(format.slice(i))
      if (!m) {
        out.text(format.slice(i))
        break
      }
      usedArg = true
      let width: number | undefined
      if (m[2] === '*') width = parseShellNumber(next() ?? '').value
      else if (m[2] !== undefined) width = Number(m[2])
      let prec: number | undefined
      if (m[3] === '*') prec = parseShellNumber(next() ?? '').value
      else if (m[3] !== undefined) prec = Number(m[3] || 0)
      let flags = m[1] ?? ''
      if (width !== undefined && width < 0) {
        flags += '-'
        width = -width
      }
      const conv = m[5] as string
      const arg = next()
      if (conv === 'b') {
        const sub = new ByteBuilder()
        if (appendEscaped(sub, arg ?? '', 'echo')) stopped = true
        const bytes = sub.result()
        const text = new TextDecoder().decode(bytes)
        const spec: Spec = { flags, width, prec, conv: 's' }
        if (width === undefined && prec === undefined) out.bytes(bytes)
        else out.text(convert(spec, text, invalid))
        if (stopped) return { text: '', bytes: out.result(), invalid, stopped }
      } else out.text(convert({ flags, width, prec, conv }, arg, invalid))
      i += m[0].length
    }
    if (mode === 'awk' || !usedArg || ai >= args.length || ai === startAi) break
  }
  const bytes = out.result()
  return { text: new TextDecoder().decode(bytes), bytes, invalid, stopped }
}
