/** tail: the last lines (or bytes) of each input, or from line/byte N with `+N`. */
import { defineCommand } from './define-command.js'
import { q } from './lib/errors.js'
import { bytesToBinary, binaryToBytes, openReadError, operandsOrStdin, readOperand } from './lib/input.js'
import { parseCount } from './lib/lines.js'

export default defineCommand({
  name: 'tail',
  usage: 'tail [OPTION]... [FILE]...',
  description: 'Print the last 10 lines of each FILE to standard output.',
  numericFlag: 'n',
  flags: {
    n: { type: 'string', long: 'lines', arg: '[+]NUM', description: 'output the last NUM lines; or use -n +NUM to skip NUM-1 lines at the start' },
    c: { type: 'string', long: 'bytes', arg: '[+]NUM', description: 'output the last NUM bytes; or use -c +NUM to start with byte NUM' },
    q: { type: 'boolean', long: 'quiet', alias: ['silent'], description: 'never output headers giving file names' },
    v: { type: 'boolean', long: 'verbose', description: 'always output headers giving file names' },
    z: { type: 'boolean', long: 'zero-terminated', description: 'line delimiter is NUL, not newline' },
  },
  async run(ctx) {
    const f = ctx.flags
    const bytesMode = ctx.order.lastIndexOf('c') > ctx.order.lastIndexOf('n')
    const raw = bytesMode ? (f.c as string) : (f.n ?? '10')
    const count = parseCount(raw)
    if (count === null) {
      await ctx.stderr.write(`tail: invalid number of ${bytesMode ? 'bytes' : 'lines'}: ${q(raw)}\n`)
      return 1
    }
    const fromStart = count.sign === '+'
    const sep = String.fromCharCode(f.z ? 0 : 10)
    const operands = operandsOrStdin(ctx.args)
    const headers = f.v || (operands.length > 1 && !f.q)
    let status = 0
    let printed = 0
    for (const op of operands) {
      const data = await readOperand(ctx, op, 'tail', openReadError)
      if (data === null) {
        status = 1
        continue
      }
      if (headers) await ctx.stdout.write(`${printed++ > 0 ? '\n' : ''}==> ${op === '-' ? 'standard input' : op} <==\n`)
      if (bytesMode) {
        const start = fromStart ? Math.max(0, count.n - 1) : Math.max(0, data.length - count.n)
        await ctx.stdout.write(data.subarray(start))
        continue
      }
      const s = bytesToBinary(data)
      let start: number
      if (fromStart) {
        start = 0
        for (let k = 1; k < count.n && start < s.length; k++) {
          const p = s.indexOf(sep, start)
          start = p === -1 ? s.length : p + 1
        }
      } else {
        // Walk back over count.n line ends (a missing final newline still ends a line).
        let p = s.length
        if (s.length > 0 && s[s.length - 1] === sep) p--
        let seen = 0
        start = 0
        while (p > 0) {
          const prev = s.lastIndexOf(sep, p - 1)
          seen++
          if (seen >= count.n || prev === -1) {
            start = seen >= count.n ? prev + 1 : 0
            break
          }
          p = prev
        }
        if (count.n === 0) start = s.length
      }
      await ctx.stdout.write(binaryToBytes(s.slice(start)))
    }
    return status
  },
})
