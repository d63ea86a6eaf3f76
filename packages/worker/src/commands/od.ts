/** od: dump bytes in octal, hex, decimal or as characters (GNU layout, `*` for repeated lines). */
import { defineCommand } from './define-command.js'
import { q } from './lib/errors.js'
import { operandsOrStdin, readOperand } from './lib/input.js'

const NAMED = ['nul', 'soh', 'stx', 'etx', 'eot', 'enq', 'ack', 'bel', 'bs', 'ht', 'nl', 'vt', 'ff', 'cr', 'so', 'si', 'dle', 'dc1', 'dc2', 'dc3', 'dc4', 'nak', 'syn', 'etb', 'can', 'em', 'sub', 'esc', 'fs', 'gs', 'rs', 'us', 'sp']
const C_ESC: Record<number, string> = { 0: '\\0', 7: '\\a', 8: '\\b', 9: '\\t', 10: '\\n', 11: '\\v', 12: '\\f', 13: '\\r' }

interface Fmt {
  kind: 'o' | 'x' | 'd' | 'u' | 'c' | 'a'
  size: number
  z: boolean
}

const WIDTH: Record<string, number> = { o1: 3, o2: 6, o4: 11, o8: 22, x1: 2, x2: 4, x4: 8, x8: 16, d1: 4, d2: 6, d4: 11, d8: 20, u1: 3, u2: 5, u4: 10, u8: 20, c1: 3, a1: 3 }

const parseType = (t: string): Fmt[] | null => {
  const out: Fmt[] = []
  const re = /([oxduca])(\d|[CSIL])?(z)?/g
  let m: RegExpExecArray | null
  let pos = 0
  while ((m = re.exec(t)) !== null) {
    if (m.index !== pos) return null
    pos = re.lastIndex
    const kind = m[1] as Fmt['kind']
    const sz = m[2]
    const size = kind === 'c' || kind === 'a' ? 1 : sz === undefined ? 4 : sz === 'C' ? 1 : sz === 'S' ? 2 : sz === 'I' ? 4 : sz === 'L' ? 8 : Number(sz)
    if (![1, 2, 4, 8].includes(size)) return null
    out.push({ kind, size, z: m[3] === 'z' })
  }
  return pos === t.length && out.length > 0 ? out : null
}

const field = (f: Fmt, bytes: Uint8Array, at: number): string => {
  const w = WIDTH[`${f.kind}${f.size}`] ?? 3
  if (f.kind === 'c') {
    const b = bytes[at] as number
    const s = C_ESC[b] ?? (b >= 32 && b < 127 ? String.fromCharCode(b) : b.toString(8).padStart(3, '0'))
    return ` ${s.padStart(w)}`
  }
  if (f.kind === 'a') {
    const b = (bytes[at] as number) & 0x7f
    const s = b === 127 ? 'del' : (NAMED[b] ?? String.fromCharCode(b))
    return ` ${s.padStart(w)}`
  }
  let v = 0n
  for (let k = f.size - 1; k >= 0; k--) v = (v << 8n) | BigInt(bytes[at + k] ?? 0)
  if (f.kind === 'd') v = BigInt.asIntN(f.size * 8, v)
  const s = f.kind === 'o' ? v.toString(8).padStart(w, '0') : f.kind === 'x' ? v.toString(16).padStart(w, '0') : v.toString()
  return ` ${s.padStart(w)}`
}

export default defineCommand({
  name: 'od',
  usage: 'od [OPTION]... [FILE]...',
  description: 'Write an unambiguous representation, octal bytes by default, of FILE to standard output.',
  flags: {
    A: { type: 'string', long: 'address-radix', arg: 'RADIX', description: 'output format for file offsets; RADIX is one of [doxn]' },
    t: { type: 'string', long: 'format', repeatable: true, arg: 'TYPE', description: 'select output format or formats (a, c, d[SIZE], o[SIZE], u[SIZE], x[SIZE], z suffix)' },
    j: { type: 'number', long: 'skip-bytes', arg: 'BYTES', description: 'skip BYTES input bytes first' },
    N: { type: 'number', long: 'read-bytes', arg: 'BYTES', description: 'limit dump to BYTES input bytes' },
    v: { type: 'boolean', long: 'output-duplicates', description: 'do not use * to mark line suppression' },
    w: { type: 'number', long: 'width', optionalValue: true, arg: 'BYTES', description: 'output BYTES bytes per output line' },
    b: { type: 'boolean', description: 'same as -t o1' },
    c: { type: 'boolean', description: 'same as -t c' },
    d: { type: 'boolean', description: 'same as -t u2' },
    o: { type: 'boolean', description: 'same as -t o2' },
    x: { type: 'boolean', description: 'same as -t x2' },
  },
  async run(ctx) {
    const f = ctx.flags
    const fmts: Fmt[] = []
    for (const key of ctx.order) {
      if (key === 'b') fmts.push({ kind: 'o', size: 1, z: false })
      else if (key === 'c') fmts.push({ kind: 'c', size: 1, z: false })
      else if (key === 'd') fmts.push({ kind: 'u', size: 2, z: false })
      else if (key === 'o') fmts.push({ kind: 'o', size: 2, z: false })
      else if (key === 'x') fmts.push({ kind: 'x', size: 2, z: false })
    }
    for (const t of f.t) {
      const p = parseType(t)
      if (!p) {
        await ctx.stderr.write(`od: invalid type string ${q(t)}\n`)
        return 1
      }
      fmts.push(...p)
    }
    if (fmts.length === 0) fmts.push({ kind: 'o', size: 2, z: false })
    const radix = f.A ?? 'o'
    if (!/^[doxn]$/.test(radix)) {
      await ctx.stderr.write(`od: invalid output address radix '${radix}'; it must be one character from [doxn]\n`)
      return 1
    }
    const addr = (n: number) => (radix === 'n' ? '' : radix === 'd' ? String(n).padStart(7, '0') : radix === 'x' ? n.toString(16).padStart(6, '0') : n.toString(8).padStart(7, '0'))
    const chunks: Uint8Array[] = []
    let status = 0
    for (const op of operandsOrStdin(ctx.args)) {
      const d = await readOperand(ctx, op, 'od')
      if (d === null) status = 1
      else chunks.push(d)
    }
    let data = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0))
    let at0 = 0
    for (const c of chunks) {
      data.set(c, at0)
      at0 += c.length
    }
    const skip = f.j ?? 0
    data = data.subarray(skip, f.N !== undefined ? skip + f.N : undefined)
    const width = f.w ?? 16
    let out = ''
    let prev: string | null = null
    let starred = false
    for (let at = 0; at < data.length; at += width) {
      const line = data.subarray(at, at + width)
      const key = Array.from(line).join(',')
      if (!f.v && prev === key && line.length === width) {
        if (!starred) out += '*\n'
        starred = true
        continue
      }
      starred = false
      prev = key
      const padded = new Uint8Array(Math.ceil(line.length / 8) * 8)
      padded.set(line)
      fmts.forEach((fmt, i) => {
        let s = i === 0 ? addr(skip + at) : ' '.repeat(addr(0).length)
        const fieldWidth = (WIDTH[`${fmt.kind}${fmt.size}`] ?? 3) + 1
        let count = 0
        for (let k = 0; k < line.length; k += fmt.size) {
          s += field(fmt, padded, k)
          count++
        }
        if (fmt.z) {
          s += ' '.repeat(Math.max(0, (width / fmt.size - count) * fieldWidth))
          s += `  >${Array.from(line, (b) => (b >= 32 && b < 127 ? String.fromCharCode(b) : '.')).join('')}<`
        }
        out += `${s}\n`
      })
      if (out.length > 32768) {
        await ctx.stdout.write(out)
        out = ''
      }
    }
    if (radix !== 'n') out += `${addr(skip + data.length)}\n`
    await ctx.stdout.write(out)
    return status
  },
})
