/** awk values: numbers, strings and "strnums" (input that looks numeric), with awk's conversions. */
import { convert } from '../lib/printf-format.js'

/** A string from input (fields, getline, split) that also reads as a number. */
export class StrNum {
  constructor(
    readonly s: string,
    readonly n: number,
  ) {}
}

export type Cell = number | string | StrNum | undefined

export class AwkArray extends Map<string, Cell> {}

const NUMERIC = /^[ \t\n\r\f\v]*[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?|inf(?:inity)?|nan)[ \t\n\r\f\v]*$/i
const PREFIX = /^[ \t\n\r\f\v]*[+-]?(?:\d+\.?\d*(?:[eE][+-]?\d+)?|\.\d+(?:[eE][+-]?\d+)?)/

/** Wraps input text: a StrNum when it looks numeric, else the plain string. */
export const fromInput = (s: string): Cell => (NUMERIC.test(s) && !/^\s*[+-]?(inf|nan)/i.test(s) ? new StrNum(s, Number(s.trim())) : s)

export const toNum = (v: Cell): number => {
  if (v === undefined) return 0
  if (typeof v === 'number') return v
  if (v instanceof StrNum) return v.n
  const m = PREFIX.exec(v)
  if (m) return Number(m[0].trim())
  const special = /^\s*([+-])(inf|nan)/i.exec(v)
  if (special) return special[2]?.toLowerCase() === 'inf' ? (special[1] === '-' ? -Infinity : Infinity) : NaN
  return 0
}

/** Number to string: integers as integers, others through `fmt` (CONVFMT or OFMT). */
export const numToStr = (n: number, fmt: string): string => {
  if (Number.isInteger(n)) return Math.abs(n) < 1e16 ? (Object.is(n, -0) ? '-0' : String(n)) : awkSprintf('%d', [n], fmt)
  if (Number.isNaN(n)) return n < 0 ? '-nan' : Object.is(n, NaN) ? 'nan' : 'nan'
  if (!Number.isFinite(n)) return n < 0 ? '-inf' : 'inf'
  return awkSprintf(fmt, [n], fmt)
}

export const toStr = (v: Cell, convfmt: string): string => {
  if (v === undefined) return ''
  if (typeof v === 'string') return v
  if (v instanceof StrNum) return v.s
  return numToStr(v, convfmt)
}

export const toBool = (v: Cell): boolean => {
  if (v === undefined) return false
  if (typeof v === 'number') return v !== 0
  if (v instanceof StrNum) return v.n !== 0
  return v !== ''
}

const isNumeric = (v: Cell) => v === undefined || typeof v === 'number' || v instanceof StrNum

/** awk comparison: numeric when both sides are numeric (or strnum/uninitialised), else string. */
export const compareCells = (a: Cell, b: Cell, convfmt: string): number => {
  if (isNumeric(a) && isNumeric(b)) {
    const x = toNum(a)
    const y = toNum(b)
    return x < y ? -1 : x > y ? 1 : x === y ? 0 : Number.isNaN(x) ? (Number.isNaN(y) ? 0 : 1) : -1
  }
  const x = toStr(a, convfmt)
  const y = toStr(b, convfmt)
  return x < y ? -1 : x > y ? 1 : 0
}

/** awk's sprintf: numeric conversions take awk numbers, %c takes a code or a string's first char. */
export const awkSprintf = (format: string, args: readonly Cell[], convfmt: string): string => {
  let ai = 0
  const next = (): Cell => args[ai++]
  return format.replace(/%([-+ #0]*)(\*|\d+)?(?:\.(\*|\d*))?(hh|h|ll|l|L|q|j|z|t)?([diouxXcsfFeEgGaA%])/g, (_m, flags: string, w: string | undefined, p: string | undefined, _len, conv: string) => {
    if (conv === '%') return '%'
    let width: number | undefined
    if (w === '*') width = Math.trunc(toNum(next()))
    else if (w !== undefined) width = Number(w)
    let prec: number | undefined
    if (p === '*') prec = Math.trunc(toNum(next()))
    else if (p !== undefined) prec = Number(p || 0)
    if (width !== undefined && width < 0) {
      flags += '-'
      width = -width
    }
    const v = next()
    let arg: string
    let c = conv
    if (c === 'c') {
      if (typeof v === 'number' || v instanceof StrNum) arg = String.fromCodePoint(Math.max(0, Math.trunc(toNum(v))) % 0x110000)
      else arg = [...(v ?? '')][0] ?? ''
      c = 's'
      prec = undefined
    } else if (c === 's') arg = toStr(v, convfmt)
    else if ('diouxX'.includes(c)) {
      const n = toNum(v)
      if (!Number.isFinite(n)) {
        arg = Number.isNaN(n) ? 'nan' : n < 0 ? '-inf' : 'inf'
        c = 's'
      } else arg = String(Math.trunc(n)).replace(/e\+?/, 'e')
      if (c !== 's' && Math.abs(n) >= 1e21) arg = BigInt(Math.trunc(n)).toString()
    } else arg = String(toNum(v))
    return convert({ flags, width, prec, conv: c }, arg, [])
  })
}
