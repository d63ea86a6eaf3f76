/** fold: wrap input lines to a width (-w), at blanks with -s, counting bytes with -b. */
import { defineCommand } from './define-command.js'
import { operandsOrStdin, readOperandText } from './lib/input.js'

export default defineCommand({
  name: 'fold',
  usage: 'fold [OPTION]... [FILE]...',
  description: 'Wrap input lines in each FILE, writing to standard output.',
  numericFlag: 'w',
  flags: {
    b: { type: 'boolean', long: 'bytes', description: 'count bytes rather than columns' },
    s: { type: 'boolean', long: 'spaces', description: 'break at spaces' },
    w: { type: 'string', long: 'width', arg: 'WIDTH', description: 'use WIDTH columns instead of 80' },
  },
  async run(ctx) {
    const width = Number(ctx.flags.w ?? 80)
    if (!Number.isInteger(width) || width <= 0) {
      await ctx.stderr.write(`fold: invalid number of columns: \u2018${ctx.flags.w}\u2019\n`)
      return 1
    }
    const adv = (col: number, ch: string): number => {
      if (ctx.flags.b) return col + new TextEncoder().encode(ch).length
      if (ch === '\t') return col + 8 - (col % 8)
      if (ch === '\b') return Math.max(0, col - 1)
      if (ch === '\r') return 0
      return col + 1
    }
    let status = 0
    for (const op of operandsOrStdin(ctx.args)) {
      const text = await readOperandText(ctx, op, 'fold')
      if (text === null) {
        status = 1
        continue
      }
      let out = ''
      for (const [idx, line] of text.split('\n').entries()) {
        if (idx > 0) out += '\n'
        let cur: string[] = []
        let col = 0
        for (const ch of line) {
          const next = adv(col, ch)
          if (next > width && cur.length > 0) {
            let carry: string[] = []
            if (ctx.flags.s) {
              const sp = cur.lastIndexOf(' ')
              const tab = cur.lastIndexOf('\t')
              const at = Math.max(sp, tab)
              if (at !== -1) {
                carry = cur.slice(at + 1)
                cur = cur.slice(0, at + 1)
              }
            }
            out += `${cur.join('')}\n`
            cur = carry
            col = carry.reduce(adv, 0)
          }
          cur.push(ch)
          col = adv(col, ch)
        }
        out += cur.join('')
      }
      await ctx.stdout.write(out)
    }
    return status
  },
})
