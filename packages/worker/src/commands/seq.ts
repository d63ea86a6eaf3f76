/** seq: print a sequence of numbers (FIRST, INCREMENT, LAST; -s, -w, -f). */
import { defineCommand } from './define-command.js'
import { q } from './lib/errors.js'
import { formatPrintf } from './lib/printf-format.js'

const decimals = (s: string): number => {
  const m = /\.(\d*)/.exec(s)
  return m && !/e/i.test(s) ? (m[1] ?? '').length : 0
}

export default defineCommand({
  name: 'seq',
  usage: 'seq [OPTION]... [FIRST [INCREMENT]] LAST',
  description: 'Print numbers from FIRST to LAST, in steps of INCREMENT.',
  negativeOperands: true,
  flags: {
    f: { type: 'string', long: 'format', arg: 'FORMAT', description: 'use printf style floating-point FORMAT' },
    s: { type: 'string', long: 'separator', arg: 'STRING', description: 'use STRING to separate numbers (default: \\n)' },
    w: { type: 'boolean', long: 'equal-width', description: 'equalize width by padding with leading zeroes' },
  },
  async run(ctx) {
    // Negative numbers are operands, not options: `seq -5 5` / `seq 5 -1 1`.
    const args = ctx.args
    if (args.length === 0 || args.length > 3) {
      await ctx.stderr.write(
        args.length === 0 ? "seq: missing operand\nTry 'seq --help' for more information.\n" : `seq: extra operand ${q(args[3] as string)}\nTry 'seq --help' for more information.\n`,
      )
      return 1
    }
    for (const a of args) {
      if (a.trim() === '' || Number.isNaN(Number(a))) {
        await ctx.stderr.write(`seq: invalid floating point argument: ${q(a)}\nTry 'seq --help' for more information.\n`)
        return 1
      }
    }
    const [firstS, incS, lastS] = args.length === 1 ? ['1', '1', args[0] as string] : args.length === 2 ? [args[0] as string, '1', args[1] as string] : (args as [string, string, string])
    const first = Number(firstS)
    const inc = Number(incS)
    const last = Number(lastS)
    if (inc === 0) {
      await ctx.stderr.write(`seq: invalid Zero increment value: ${q(incS)}\nTry 'seq --help' for more information.\n`)
      return 1
    }
    const prec = Math.max(decimals(firstS), decimals(incS))
    const fmt = (v: number): string => {
      if (ctx.flags.f !== undefined) return formatPrintf(ctx.flags.f, [String(v)]).text
      return prec > 0 ? v.toFixed(prec) : String(Math.round(v) === v ? v : Number(v.toPrecision(15)))
    }
    let width = 0
    if (ctx.flags.w) width = Math.max(fmt(first).length, fmt(last).length)
    const sep = ctx.flags.s ?? '\n'
    let out = ''
    let count = 0
    for (let i = 0; ; i++) {
      const v = first + i * inc
      if (inc > 0 ? v > last + 1e-10 * Math.abs(inc) : v < last - 1e-10 * Math.abs(inc)) break
      let s = fmt(Number(v.toFixed(Math.max(prec, 10))))
      if (width) s = s.startsWith('-') ? `-${s.slice(1).padStart(width - 1, '0')}` : s.padStart(width, '0')
      out += (count++ > 0 ? sep : '') + s
      if (out.length > 65536) {
        await ctx.stdout.write(out)
        out = ''
        if (ctx.signal.aborted) return 130
      }
    }
    if (count > 0) out += '\n'
    await ctx.stdout.write(out)
    return 0
  },
})
