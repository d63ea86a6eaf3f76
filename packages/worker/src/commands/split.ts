/** split: split a file into pieces by lines (-l), bytes (-b) or count (-n). */
import { defineCommand } from './define-command.js'
import { q } from './lib/errors.js'
import { readOperand } from './lib/input.js'

const SIZE: Record<string, number> = { '': 1, b: 512, K: 1024, KB: 1000, k: 1024, M: 1024 ** 2, MB: 1e6, G: 1024 ** 3, GB: 1e9 }

const parseSize = (s: string): number | null => {
  const m = /^(\d+)([a-zA-Z]*)$/.exec(s)
  const mult = m ? SIZE[m[2] ?? ''] : undefined
  return m && mult !== undefined ? Number(m[1]) * mult : null
}

export default defineCommand({
  name: 'split',
  usage: 'split [OPTION]... [FILE [PREFIX]]',
  description: "Output pieces of FILE to PREFIXaa, PREFIXab, ...; default size is 1000 lines, and default PREFIX is 'x'.",
  numericFlag: 'l',
  flags: {
    l: { type: 'string', long: 'lines', arg: 'NUMBER', description: 'put NUMBER lines/records per output file' },
    b: { type: 'string', long: 'bytes', arg: 'SIZE', description: 'put SIZE bytes per output file' },
    n: { type: 'string', long: 'number', arg: 'CHUNKS', description: 'generate CHUNKS output files' },
    a: { type: 'number', long: 'suffix-length', arg: 'N', description: 'generate suffixes of length N (default 2)' },
    d: { type: 'boolean', description: 'use numeric suffixes starting at 0, not alphabetic' },
    x: { type: 'boolean', description: 'use hex suffixes starting at 0, not alphabetic' },
    'additional-suffix': { type: 'string', arg: 'SUFFIX', description: 'append an additional SUFFIX to file names' },
    verbose: { type: 'boolean', description: 'print a diagnostic just before each output file is opened' },
  },
  async run(ctx) {
    const f = ctx.flags
    const [input = '-', prefix = 'x'] = ctx.args
    if (ctx.args.length > 2) {
      await ctx.stderr.write(`split: extra operand ${q(ctx.args[2] as string)}\nTry 'split --help' for more information.\n`)
      return 1
    }
    const data = await readOperand(ctx, input, 'split', (o, r) => `cannot open ${q(o)} for reading: ${r}`)
    if (data === null) return 1
    const pieces: Uint8Array[] = []
    if (f.b !== undefined) {
      const size = parseSize(f.b)
      if (!size) {
        await ctx.stderr.write(`split: invalid number of bytes: ${q(f.b)}\n`)
        return 1
      }
      for (let i = 0; i < data.length; i += size) pieces.push(data.subarray(i, i + size))
    } else if (f.n !== undefined) {
      const n = Number(f.n)
      if (!Number.isInteger(n) || n <= 0) {
        await ctx.stderr.write(`split: invalid number of chunks: ${q(f.n)}\n`)
        return 1
      }
      const base = Math.floor(data.length / n)
      let at = 0
      for (let k = 0; k < n; k++) {
        const len = k === n - 1 ? data.length - at : base
        pieces.push(data.subarray(at, at + len))
        at += len
      }
    } else {
      const lines = Number(f.l ?? 1000)
      if (!Number.isInteger(lines) || lines <= 0) {
        await ctx.stderr.write(`split: invalid number of lines: ${q(f.l as string)}\n`)
        return 1
      }
      let start = 0
      let count = 0
      for (let i = 0; i < data.length; i++) {
        if (data[i] === 10 && ++count === lines) {
          pieces.push(data.subarray(start, i + 1))
          start = i + 1
          count = 0
        }
      }
      if (start < data.length) pieces.push(data.subarray(start))
    }
    let width = f.a ?? 2
    const radix = f.d ? 10 : f.x ? 16 : 26
    // GNU widens the suffix when the default length would run out.
    if (f.a === undefined) while (radix ** width < pieces.length) width++
    if (radix ** width < pieces.length) {
      await ctx.stderr.write('split: output file suffixes exhausted\n')
      return 1
    }
    const suffix = (k: number) => {
      let s = ''
      for (let i = 0; i < width; i++) {
        const d = k % radix
        s = (radix === 26 ? String.fromCharCode(97 + d) : d.toString(radix)) + s
        k = Math.floor(k / radix)
      }
      return s
    }
    for (const [k, p] of pieces.entries()) {
      const name = `${prefix}${suffix(k)}${f['additional-suffix'] ?? ''}`
      if (f.verbose) await ctx.stdout.write(`creating file '${name}'\n`)
      ctx.fs.writeFile(ctx.resolve(name), p)
    }
    return 0
  },
})
