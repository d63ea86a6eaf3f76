/** sort's comparison machinery: key definitions (`-k 2,2n`), field splitting and orderings. */

export interface Ordering {
  numeric?: boolean
  human?: boolean
  general?: boolean
  month?: boolean
  version?: boolean
  reverse?: boolean
  fold?: boolean
  blanks?: boolean
  dictionary?: boolean
  ignoreNonprinting?: boolean
}

export interface KeyDef extends Ordering {
  startField: number
  startChar: number
  endField: number
  endChar: number
  /** Start/end blank skipping given on that end of the key (`-k 2b`). */
  startBlanks?: boolean
  endBlanks?: boolean
}

const ORDER_LETTERS = 'bdfghiMnRrV'

const applyLetters = (o: Ordering, letters: string) => {
  for (const ch of letters) {
    if (ch === 'n') o.numeric = true
    else if (ch === 'h') o.human = true
    else if (ch === 'g') o.general = true
    else if (ch === 'M') o.month = true
    else if (ch === 'V') o.version = true
    else if (ch === 'r') o.reverse = true
    else if (ch === 'f') o.fold = true
    else if (ch === 'b') o.blanks = true
    else if (ch === 'd') o.dictionary = true
    else if (ch === 'i') o.ignoreNonprinting = true
  }
}

/** Parses `F[.C][OPTS][,F[.C][OPTS]]`; null when malformed. */
export const parseKey = (spec: string): KeyDef | null => {
  const m = new RegExp(`^(\\d+)(?:\\.(\\d+))?([${ORDER_LETTERS}]*)(?:,(\\d+)(?:\\.(\\d+))?([${ORDER_LETTERS}]*))?$`).exec(spec)
  if (!m) return null
  const k: KeyDef = { startField: Number(m[1]), startChar: Number(m[2] ?? 1), endField: m[4] ? Number(m[4]) : 0, endChar: Number(m[5] ?? 0) }
  if (k.startField === 0 || k.startChar === 0) return null
  applyLetters(k, (m[3] ?? '') + (m[6] ?? ''))
  if ((m[3] ?? '').includes('b')) k.startBlanks = true
  if ((m[6] ?? '').includes('b')) k.endBlanks = true
  return k
}

export const orderingFromLetters = (letters: string): Ordering => {
  const o: Ordering = {}
  applyLetters(o, letters)
  return o
}

const isBlank = (c: string | undefined) => c === ' ' || c === '\t'

/** [start, end) offsets of each field: with a separator, split on it; else blank runs lead a field. */
const fieldBounds = (line: string, sep: string | undefined, limit = Infinity): Array<[number, number]> => {
  const out: Array<[number, number]> = []
  if (sep !== undefined) {
    let start = 0
    for (;;) {
      const p = line.indexOf(sep, start)
      if (p === -1 || out.length + 1 >= limit) {
        out.push([start, p === -1 ? line.length : p])
        return out
      }
      out.push([start, p])
      start = p + sep.length
    }
  }
  let i = 0
  while (i < line.length && out.length < limit) {
    const start = i
    while (i < line.length && isBlank(line[i])) i++
    while (i < line.length && !isBlank(line[i])) i++
    out.push([start, i])
  }
  if (out.length === 0) out.push([0, 0])
  return out
}

/** The text of key `k` in `line`, following GNU's rules for field and character offsets. */
export const extractKey = (line: string, k: KeyDef, sep: string | undefined, globalBlanks: boolean): string => {
  // Only the fields up to the key's end are needed.
  const fields = fieldBounds(line, sep, k.endField === 0 ? k.startField : Math.max(k.startField, k.endField))
  let start: number
  const sf = fields[k.startField - 1]
  if (!sf) start = line.length
  else {
    start = sf[0]
    if (k.startBlanks || (globalBlanks && !k.startBlanks)) while (start < sf[1] && isBlank(line[start])) start++
    start = Math.min(start + k.startChar - 1, sf[1])
  }
  let end: number
  if (k.endField === 0) end = line.length
  else {
    const ef = fields[k.endField - 1]
    if (!ef) end = line.length
    else if (k.endChar === 0) end = ef[1]
    else {
      let s = ef[0]
      if (k.endBlanks) while (s < ef[1] && isBlank(line[s])) s++
      end = Math.min(s + k.endChar, ef[1])
    }
  }
  return end > start ? line.slice(start, end) : ''
}

const numPrefix = /^\s*(-?)(\d*)(?:\.(\d*))?/

/** Compares leading numbers the way `sort -n` does: no exponent, no thousands separators. */
export const compareNumeric = (a: string, b: string): number => {
  const na = parseNumber(a)
  const nb = parseNumber(b)
  return na < nb ? -1 : na > nb ? 1 : 0
}
const parseNumber = (s: string): number => {
  const m = numPrefix.exec(s)
  if (!m || (m[2] === '' && (m[3] === undefined || m[3] === ''))) return 0
  return Number(`${m[1]}${m[2] || '0'}.${m[3] || '0'}`)
}

const HUMAN = ' KMGTPEZY'
export const compareHuman = (a: string, b: string): number => {
  const rank = (s: string) => {
    const m = /^\s*(-?)(\d*(?:\.\d*)?)([KMGTPEZYk]?)/.exec(s)
    if (!m || m[2] === '') return [0, 0] as const
    const sign = m[1] === '-' ? -1 : 1
    const suffix = m[3] ? HUMAN.indexOf(m[3].toUpperCase()) : 0
    return [sign * (suffix + 1), sign * Number(m[2])] as const
  }
  const [sa, va] = rank(a)
  const [sb, vb] = rank(b)
  if (sa !== sb) return sa < sb ? -1 : 1
  return va < vb ? -1 : va > vb ? 1 : 0
}

export const compareGeneral = (a: string, b: string): number => {
  const pa = Number.parseFloat(a.trim())
  const pb = Number.parseFloat(b.trim())
  const na = Number.isNaN(pa)
  const nb = Number.isNaN(pb)
  if (na || nb) return na && nb ? 0 : na ? -1 : 1
  return pa < pb ? -1 : pa > pb ? 1 : 0
}

const MONTHS = ['JAN', 'FEB', 'MAR', 'APR', 'MAY', 'JUN', 'JUL', 'AUG', 'SEP', 'OCT', 'NOV', 'DEC']
export const compareMonth = (a: string, b: string): number => {
  const m = (s: string) => MONTHS.indexOf(s.trim().slice(0, 3).toUpperCase()) + 1
  return m(a) - m(b)
}

/** Version order (`sort -V`, `ls -v`): digit runs compare as numbers. */
export const compareVersion = (a: string, b: string): number => {
  const ra = a.match(/\d+|\D+/g) ?? []
  const rb = b.match(/\d+|\D+/g) ?? []
  for (let i = 0; i < Math.min(ra.length, rb.length); i++) {
    const x = ra[i] as string
    const y = rb[i] as string
    const dx = /^\d/.test(x)
    const dy = /^\d/.test(y)
    if (dx && dy) {
      const d = Number(x) - Number(y)
      if (d !== 0) return d < 0 ? -1 : 1
    } else if (x !== y) return x < y ? -1 : 1
  }
  return ra.length - rb.length
}

export const compareBytes = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0)

/** Compares two key texts under an ordering (without its reverse flag). */
export const compareBy = (a: string, b: string, o: Ordering): number => {
  if (o.numeric) return compareNumeric(a, b)
  if (o.human) return compareHuman(a, b)
  if (o.general) return compareGeneral(a, b)
  if (o.month) return compareMonth(a, b)
  if (o.version) return compareVersion(a, b)
  let x = a
  let y = b
  if (o.blanks) {
    x = x.replace(/^[ \t]+/, '')
    y = y.replace(/^[ \t]+/, '')
  }
  if (o.dictionary) {
    x = x.replace(/[^A-Za-z0-9 \t]/g, '')
    y = y.replace(/[^A-Za-z0-9 \t]/g, '')
  }
  if (o.ignoreNonprinting) {
    x = x.replace(/[^\x20-\x7e]/g, '')
    y = y.replace(/[^\x20-\x7e]/g, '')
  }
  if (o.fold) {
    x = x.toUpperCase()
    y = y.toUpperCase()
  }
  return compareBytes(x, y)
}

/** A key made ready for repeated comparison: numbers parsed, text folded, once per line. */
export type Prepared = number | string | readonly [number, number]

export const prepareKey = (text: string, o: Ordering): Prepared => {
  if (o.numeric) return parseNumber(text)
  if (o.general) {
    const v = Number.parseFloat(text.trim())
    return Number.isNaN(v) ? -Infinity : v
  }
  if (o.human) {
    const m = /^\s*(-?)(\d*(?:\.\d*)?)([KMGTPEZYk]?)/.exec(text)
    if (!m || m[2] === '') return [0, 0]
    const sign = m[1] === '-' ? -1 : 1
    const suffix = m[3] ? HUMAN.indexOf(m[3].toUpperCase()) : 0
    return [sign * (suffix + 1), sign * Number(m[2])]
  }
  if (o.month) return MONTHS.indexOf(text.trim().slice(0, 3).toUpperCase()) + 1
  let x = text
  if (o.version) return x
  if (o.blanks) x = x.replace(/^[ \t]+/, '')
  if (o.dictionary) x = x.replace(/[^A-Za-z0-9 \t]/g, '')
  if (o.ignoreNonprinting) x = x.replace(/[^\x20-\x7e]/g, '')
  if (o.fold) x = x.toUpperCase()
  return x
}

export const comparePrepared = (a: Prepared, b: Prepared, o: Ordering): number => {
  if (typeof a === 'number' && typeof b === 'number') return a < b ? -1 : a > b ? 1 : 0
  if (Array.isArray(a) && Array.isArray(b)) {
    const [sa, va] = a as readonly [number, number]
    const [sb, vb] = b as readonly [number, number]
    if (sa !== sb) return sa < sb ? -1 : 1
    return va < vb ? -1 : va > vb ? 1 : 0
  }
  if (o.version) return compareVersion(a as string, b as string)
  return (a as string) < (b as string) ? -1 : (a as string) > (b as string) ? 1 : 0
}
