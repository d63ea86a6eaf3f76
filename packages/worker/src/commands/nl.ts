/** nl: number lines (body style -b a/t/n, format -n ln/rn/rz, width, separator, start, step). */
import { defineCommand } from './define-command.js'
import { operandsOrStdin, readOperandText } from './lib/input.js'
import { splitLines } from './lib/lines.js'

export default defineCommand({
  name: 'nl',
  usage: 'nl [OPTION]... [FILE]...',
  description: 'Write each FILE to standard output, with line numbers added.',
  flags: {
    b: { type: 'string', long: 'body-numbering', arg: 'STYLE', description: 'use STYLE for numbering body lines (a, t, n, pBRE)' },
    n: { type: 'string', long: 'number-format', arg: 'FORMAT', description: 'insert line numbers according to FORMAT (ln, rn, rz)' },
    w: { type: 'number', long: 'number-width', default: 6, description: 'use NUMBER columns for line numbers' },
    s: { type: 'string', long: 'number-separator', arg: 'STRING', description: 'add STRING after (possible) line number' },
    v: { type: 'number', long: 'starting-line-number', default: 1, description: 'first line number for each section' },
    i: { type: 'number', long: 'line-increment', default: 1, description: 'line number increment at each line' },
  },
  async run(ctx) {
    const f = ctx.flags
    const style = f.b ?? 't'
    const format = f.n ?? 'rn'
    const sep = f.s ?? '\t'
    let re: RegExp | undefined
    if (style.startsWith('p')) re = new RegExp(style.slice(1))
    else if (!['a', 't', 'n'].includes(style)) {
      await ctx.stderr.write(`nl: invalid body numbering style: '${style}'\n`)
      return 1
    }
    if (!['ln', 'rn', 'rz'].includes(format)) {
      await ctx.stderr.write(`nl: invalid line number format: '${format}'\n`)
      return 1
    }
    let n = f.v
    let status = 0
    let out = ''
    for (const op of operandsOrStdin(ctx.args)) {
      const text = await readOperandText(ctx, op, 'nl')
      if (text === null) {
        status = 1
        continue
      }
      for (const line of splitLines(text).lines) {
        const number = style === 'a' || (style === 't' && line !== '') || (re !== undefined && re.test(line))
        if (!number) {
          out += `${' '.repeat(f.w + sep.length)}${line}\n`
          continue
        }
        const digits = String(n)
        const num = format === 'ln' ? digits.padEnd(f.w) : format === 'rz' ? (n < 0 ? `-${String(-n).padStart(f.w - 1, '0')}` : digits.padStart(f.w, '0')) : digits.padStart(f.w)
        out += `${num}${sep}${line}\n`
        n += f.i
      }
    }
    await ctx.stdout.write(out)
    return status
  },
})
