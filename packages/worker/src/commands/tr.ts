/** tr: translate, squeeze or delete bytes, with GNU's set syntax (ranges, [:class:], [c*n]). */
import { defineCommand } from './define-command.js'
import { q } from './lib/errors.js'
import { bytesToBinary } from './lib/input.js'

const CLASSES: Record<string, (c: number) => boolean> = {
  alnum: (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122),
  alpha: (c) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122),
  blank: (c) => c === 32 || c === 9,
  cntrl: (c) => c < 32 || c === 127,
  digit: (c) => c >= 48 && c <= 57,
  graph: (c) => c > 32 && c < 127,
  lower: (c) => c >= 97 && c <= 122,
  print: (c) => c >= 32 && c < 127,
  punct: (c) => (c > 32 && c < 48) || (c > 57 && c < 65) || (c > 90 && c < 97) || (c > 122 && c < 127),
  space: (c) => c === 32 || (c >= 9 && c <= 13),
  upper: (c) => c >= 65 && c <= 90,
  xdigit: (c) => (c >= 48 && c <= 57) || (c >= 65 && c <= 70) || (c >= 97 && c <= 102),
}

const ESC: Record<string, number> = { a: 7, b: 8, f: 12, n: 10, r: 13, t: 9, v: 11, '\\': 92 }

interface SetItem {
  /** Expanded byte values; for `[c*]` the repeat fills SET2 up to SET1's length. */
  bytes: number[]
  fill?: number
  cls?: string
}

class SetError extends Error {}

/** Parses one SET argument into items (as bytes of its UTF-8 form). */
const parseSet = (arg: string): SetItem[] => {
  const s = bytesToBinary(new TextEncoder().encode(arg))
  const items: SetItem[] = []
  const readChar = (i: number): [number, number] => {
    const c = s.charCodeAt(i)
    if (c !== 92 || i + 1 >= s.length) return [c, i + 1]
    const n = s[i + 1] as string
    if (n in ESC) return [ESC[n] as number, i + 2]
    const oct = /^[0-7]{1,3}/.exec(s.slice(i + 1))?.[0]
    if (oct) return [parseInt(oct, 8) & 0xff, i + 1 + oct.length]
    return [s.charCodeAt(i + 1), i + 2]
  }
  for (let i = 0; i < s.length; ) {
    const cls = /^\[:([a-z]+):\]/.exec(s.slice(i))
    if (cls) {
      const test = CLASSES[cls[1] as string]
      if (!test) throw new SetError(`invalid character class ${q(cls[1] as string)}`)
      const bytes: number[] = []
      for (let b = 0; b < 256; b++) if (test(b)) bytes.push(b)
      items.push({ bytes, cls: cls[1] as string })
      i += cls[0].length
      continue
    }
    const eq = /^\[=(.)=\]/.exec(s.slice(i))
    if (eq) {
      items.push({ bytes: [(eq[1] as string).charCodeAt(0)] })
      i += eq[0].length
      continue
    }
    if (s[i] === '[' && i + 2 < s.length) {
      const [c, j] = readChar(i + 1)
      const rep = /^\*(\d*)\]/.exec(s.slice(j))
      if (rep) {
        const n = rep[1] === '' ? 0 : parseInt(rep[1] as string, (rep[1] as string).startsWith('0') ? 8 : 10)
        items.push(n === 0 ? { bytes: [], fill: c } : { bytes: new Array<number>(n).fill(c) })
        i = j + rep[0].length
        continue
      }
    }
    const [c, j] = readChar(i)
    if (s[j] === '-' && j + 1 < s.length) {
      const [d, k] = readChar(j + 1)
      if (d < c) throw new SetError(`range-endpoints of '${String.fromCharCode(c)}-${String.fromCharCode(d)}' are in reverse collating sequence order`)
      const bytes: number[] = []
      for (let b = c; b <= d; b++) bytes.push(b)
      items.push({ bytes })
      i = k
      continue
    }
    items.push({ bytes: [c] })
    i = j
  }
  return items
}

const flatten = (items: SetItem[], targetLen = 0): number[] => {
  const fixed = items.reduce((n, it) => n + it.bytes.length, 0)
  const out: number[] = []
  for (const it of items) {
    if (it.fill !== undefined) for (let k = 0; k < Math.max(0, targetLen - fixed); k++) out.push(it.fill)
    else out.push(...it.bytes)
  }
  return out
}

export default defineCommand({
  name: 'tr',
  usage: 'tr [OPTION]... SET1 [SET2]',
  description: 'Translate, squeeze, and/or delete characters from standard input, writing to standard output.',
  flags: {
    c: { type: 'boolean', long: 'complement', alias: ['C'], description: 'use the complement of SET1' },
    C: { type: 'boolean', description: 'same as -c' },
    d: { type: 'boolean', long: 'delete', description: 'delete characters in SET1, do not translate' },
    s: { type: 'boolean', long: 'squeeze-repeats', description: 'replace each sequence of a repeated character in the last set with one' },
    t: { type: 'boolean', long: 'truncate-set1', description: 'first truncate SET1 to length of SET2' },
  },
  async run(ctx) {
    const f = ctx.flags
    const complement = f.c || f.C
    const [a1, a2] = ctx.args
    const usage = async (msg: string) => {
      await ctx.stderr.write(`tr: ${msg}\nTry 'tr --help' for more information.\n`)
      return 1
    }
    const needTwo = !f.d && !(f.s && ctx.args.length === 1)
    if (a1 === undefined) return usage('missing operand')
    if (needTwo && a2 === undefined) return usage(`missing operand after ${q(a1)}\nTwo strings must be given when translating.`)
    const maxArgs = f.d && f.s ? 2 : needTwo ? 2 : 1
    if (ctx.args.length > maxArgs) {
      const extra = ctx.args[maxArgs] as string
      return usage(`extra operand ${q(extra)}${f.d && !f.s ? '\nOnly one string may be given when deleting without squeezing repeats.' : ''}`)
    }
    let set1: number[]
    let items2: SetItem[] = []
    try {
      set1 = flatten(parseSet(a1))
      if (a2 !== undefined) items2 = parseSet(a2)
    } catch (e) {
      if (!(e instanceof SetError)) throw e
      await ctx.stderr.write(`tr: ${e.message}\n`)
      return 1
    }
    if (complement) {
      const inSet = new Set(set1)
      set1 = []
      for (let b = 0; b < 256; b++) if (!inSet.has(b)) set1.push(b)
    }
    let set2 = flatten(items2, set1.length)
    const translating = !f.d && a2 !== undefined
    if (translating) {
      if (set2.length === 0 && set1.length > 0) {
        await ctx.stderr.write('tr: when not truncating set1, string2 must be non-empty\n')
        return 1
      }
      if (f.t) set1 = set1.slice(0, set2.length)
      else while (set2.length < set1.length) set2.push(set2[set2.length - 1] as number)
    }
    const map = new Int16Array(256).map((_, i) => i)
    const del = new Uint8Array(256)
    if (translating) set1.forEach((b, i) => (map[b] = set2[i] as number))
    if (f.d) for (const b of set1) del[b] = 1
    const squeezeSet = new Uint8Array(256)
    if (f.s) for (const b of translating || f.d ? set2 : set1) squeezeSet[b] = 1
    if (f.s && !translating && !f.d) set2 = []
    let last = -1
    for (let chunk = await ctx.stdin.read(); chunk !== null; chunk = await ctx.stdin.read()) {
      if (ctx.signal.aborted) return 130
      const out = new Uint8Array(chunk.length)
      let n = 0
      for (const b of chunk) {
        if (del[b]) continue
        const m = map[b] as number
        if (f.s && squeezeSet[m] && m === last) continue
        out[n++] = m
        last = m
      }
      await ctx.stdout.write(out.subarray(0, n))
    }
    return 0
  },
})
