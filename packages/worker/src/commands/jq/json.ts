/** JSON values for jq: parsing a stream of texts, jq-style printing, ordering and comparison. */

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json }

export class JqError extends Error {
  constructor(readonly value: Json) {
    super(typeof value === 'string' ? value : JSON.stringify(value))
  }
}

/** Parses whitespace-separated JSON texts one after another. */
export class JsonStream {
  pos = 0
  constructor(readonly s: string) {}
  #ws() {
    while (this.pos < this.s.length && ' \t\n\r'.includes(this.s[this.pos] as string)) this.pos++
  }
  done(): boolean {
    this.#ws()
    return this.pos >= this.s.length
  }
  next(): Json {
    this.#ws()
    return this.#value()
  }
  #fail(): never {
    const before = this.s.slice(0, this.pos)
    const line = before.split('\n').length
    const col = this.pos - before.lastIndexOf('\n') - 1
    throw new SyntaxError(`Invalid literal at line ${line}, column ${col}`)
  }
  #value(): Json {
    this.#ws()
    const c = this.s[this.pos]
    if (c === '{') {
      this.pos++
      const o: { [k: string]: Json } = {}
      this.#ws()
      if (this.s[this.pos] === '}') {
        this.pos++
        return o
      }
      for (;;) {
        this.#ws()
        if (this.s[this.pos] !== '"') this.#fail()
        const k = this.#string()
        this.#ws()
        if (this.s[this.pos] !== ':') this.#fail()
        this.pos++
        o[k] = this.#value()
        this.#ws()
        if (this.s[this.pos] === ',') {
          this.pos++
          continue
        }
        if (this.s[this.pos] === '}') {
          this.pos++
          return o
        }
        this.#fail()
      }
    }
    if (c === '[') {
      this.pos++
      const a: Json[] = []
      this.#ws()
      if (this.s[this.pos] === ']') {
        this.pos++
        return a
      }
      for (;;) {
        a.push(this.#value())
        this.#ws()
        if (this.s[this.pos] === ',') {
          this.pos++
          continue
        }
        if (this.s[this.pos] === ']') {
          this.pos++
          return a
        }
        this.#fail()
      }
    }
    if (c === '"') return this.#string()
    const m = /^-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/.exec(this.s.slice(this.pos, this.pos + 400))
    if (m) {
      this.pos += m[0].length
      return Number(m[0])
    }
    for (const [lit, v] of [['true', true], ['false', false], ['null', null], ['NaN', NaN], ['nan', NaN]] as const) {
      if (this.s.startsWith(lit, this.pos)) {
        this.pos += lit.length
        return v
      }
    }
    this.#fail()
  }
  #string(): string {
    const end = this.s.indexOf('"', this.pos + 1)
    const raw = end === -1 ? '' : this.s.slice(this.pos + 1, end)
    if (end !== -1 && !raw.includes('\\') && !/[\x00-\x1f]/.test(raw)) {
      this.pos = end + 1
      return raw
    }
    let i = this.pos + 1
    let out = ''
    while (i < this.s.length && this.s[i] !== '"') {
      if (this.s[i] === '\\') {
        const n = this.s[i + 1]
        if (n === 'u') {
          out += String.fromCharCode(parseInt(this.s.slice(i + 2, i + 6), 16))
          i += 6
          continue
        }
        const map: Record<string, string> = { n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', '\\': '\\', '/': '/' }
        if (n === undefined || !(n in map)) {
          this.pos = i
          this.#fail()
        }
        out += map[n]
        i += 2
        continue
      }
      out += this.s[i++]
    }
    if (i >= this.s.length) {
      this.pos = i
      this.#fail()
    }
    this.pos = i + 1
    return out
  }
}

export const typeOf = (v: Json): string => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v === 'object' ? 'object' : typeof v)

const ORDER: Record<string, number> = { null: 0, boolean: 1, number: 2, string: 3, array: 4, object: 5 }

/** jq's total order over values. */
export const compare = (a: Json, b: Json): number => {
  const ta = typeOf(a)
  const tb = typeOf(b)
  if (ta !== tb) {
    if (ta === 'boolean' && tb === 'boolean') return 0
    return (ORDER[ta] as number) - (ORDER[tb] as number)
  }
  switch (ta) {
    case 'null':
      return 0
    case 'boolean':
      return (a ? 1 : 0) - (b ? 1 : 0)
    case 'number':
      return (a as number) < (b as number) ? -1 : (a as number) > (b as number) ? 1 : 0
    case 'string':
      return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0
    case 'array': {
      const x = a as Json[]
      const y = b as Json[]
      for (let i = 0; i < Math.min(x.length, y.length); i++) {
        const c = compare(x[i] as Json, y[i] as Json)
        if (c !== 0) return c
      }
      return x.length - y.length
    }
    default: {
      const x = a as { [k: string]: Json }
      const y = b as { [k: string]: Json }
      const kx = Object.keys(x).sort()
      const ky = Object.keys(y).sort()
      const c = compare(kx, ky)
      if (c !== 0) return c
      for (const k of kx) {
        const d = compare(x[k] as Json, y[k] as Json)
        if (d !== 0) return d
      }
      return 0
    }
  }
}

/** Number text as jq 1.6 prints it (17 significant digits, exponent outside 1e-5..1e17). */
export const formatNumber = (n: number): string => {
  if (Number.isNaN(n)) return 'null'
  if (!Number.isFinite(n)) return n > 0 ? '1.7976931348623157e+308' : '-1.7976931348623157e+308'
  if (Object.is(n, -0)) return '-0'
  if (Number.isInteger(n) && Math.abs(n) < 1e17) return String(n)
  const [mant, expS] = n.toExponential().split('e') as [string, string]
  const exp = Number(expS)
  if (exp < -5 || exp >= 17) return `${mant}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`
  return String(n)
}

const escapeString = (s: string, ascii: boolean): string => {
  let out = '"'
  for (const ch of s) {
    const c = ch.codePointAt(0) as number
    if (ch === '"') out += '\\"'
    else if (ch === '\\') out += '\\\\'
    else if (ch === '\n') out += '\\n'
    else if (ch === '\t') out += '\\t'
    else if (ch === '\r') out += '\\r'
    else if (ch === '\b') out += '\\b'
    else if (ch === '\f') out += '\\f'
    else if (c < 0x20 || c === 0x7f) out += `\\u${c.toString(16).padStart(4, '0')}`
    else if (ascii && c > 126) {
      if (c > 0xffff) {
        const v = c - 0x10000
        out += `\\u${(0xd800 + (v >> 10)).toString(16)}\\u${(0xdc00 + (v & 0x3ff)).toString(16)}`
      } else out += `\\u${c.toString(16).padStart(4, '0')}`
    } else out += ch
  }
  return `${out}"`
}

export interface DumpOptions {
  indent: number | string
  sortKeys?: boolean
  ascii?: boolean
}

/** jq's output: compact when indent is 0, else pretty with the given indent (number or tab). */
export const dump = (v: Json, opts: DumpOptions, level = 0): string => {
  const pad = typeof opts.indent === 'string' ? opts.indent : ' '.repeat(opts.indent)
  const pretty = pad !== ''
  if (v === null) return 'null'
  if (typeof v === 'boolean') return String(v)
  if (typeof v === 'number') return formatNumber(v)
  if (typeof v === 'string') return escapeString(v, !!opts.ascii)
  const nl = pretty ? `\n${pad.repeat(level + 1)}` : ''
  const end = pretty ? `\n${pad.repeat(level)}` : ''
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]'
    return `[${v.map((x) => nl + dump(x, opts, level + 1)).join(',')}${end}]`
  }
  const keys = opts.sortKeys ? Object.keys(v).sort() : Object.keys(v)
  if (keys.length === 0) return '{}'
  return `{${keys.map((k) => `${nl}${escapeString(k, !!opts.ascii)}:${pretty ? ' ' : ''}${dump(v[k] as Json, opts, level + 1)}`).join(',')}${end}}`
}

/** Short form of a value for error messages (jq truncates to 11 chars plus "..."). */
export const brief = (v: Json): string => {
  const s = dump(v, { indent: 0 })
  return s.length > 14 ? `${s.slice(0, 11)}...` : s
}
