/** comm: compare two sorted files line by line, in three tab-indented columns. */
import { defineCommand } from './define-command.js'
import { q } from './lib/errors.js'
import { readOperandText } from './lib/input.js'
import { splitLines } from './lib/lines.js'

export default defineCommand({
  name: 'comm',
  usage: 'comm [OPTION]... FILE1 FILE2',
  description: 'Compare sorted files FILE1 and FILE2 line by line.',
  flags: {
    one: { type: 'boolean', short: '1', description: 'suppress column 1 (lines unique to FILE1)' },
    two: { type: 'boolean', short: '2', description: 'suppress column 2 (lines unique to FILE2)' },
    three: { type: 'boolean', short: '3', description: 'suppress column 3 (lines that appear in both files)' },
    'check-order': { type: 'boolean', description: 'check that the input is correctly sorted' },
    'nocheck-order': { type: 'boolean', description: 'do not check that the input is correctly sorted' },
    'output-delimiter': { type: 'string', arg: 'STR', description: 'separate columns with STR' },
    z: { type: 'boolean', long: 'zero-terminated', description: 'line delimiter is NUL, not newline' },
  },
  async run(ctx) {
    const f = ctx.flags
    if (ctx.args.length < 2) {
      await ctx.stderr.write(`comm: missing operand${ctx.args.length === 1 ? ` after ${q(ctx.args[0] as string)}` : ''}\nTry 'comm --help' for more information.\n`)
      return 1
    }
    if (ctx.args.length > 2) {
      await ctx.stderr.write(`comm: extra operand ${q(ctx.args[2] as string)}\nTry 'comm --help' for more information.\n`)
      return 1
    }
    const eol = f.z ? '\0' : '\n'
    const t1 = await readOperandText(ctx, ctx.args[0] as string, 'comm')
    if (t1 === null) return 1
    const t2 = await readOperandText(ctx, ctx.args[1] as string, 'comm')
    if (t2 === null) return 1
    const a = splitLines(t1, eol).lines
    const b = splitLines(t2, eol).lines
    const sep = f['output-delimiter'] ?? '\t'
    const col2 = f.one ? '' : sep
    const col3 = (f.one ? '' : sep) + (f.two ? '' : sep)
    let out = ''
    let i = 0
    let j = 0
    const unsorted = [false, false]
    const check = (lines: string[], k: number, which: 0 | 1) => {
      if (k > 0 && (lines[k - 1] as string) > (lines[k] as string)) unsorted[which] = true
    }
    let status = 0
    let reported = [false, false]
    const report = async (which: 0 | 1) => {
      if (!unsorted[which] || reported[which] || f['nocheck-order']) return
      reported = which === 0 ? [true, reported[1] as boolean] : [reported[0] as boolean, true]
      await ctx.stdout.write(out)
      out = ''
      await ctx.stderr.write(`comm: file ${which + 1} is not in sorted order\n`)
      status = 1
    }
    while (i < a.length || j < b.length) {
      const x = a[i]
      const y = b[j]
      if (y === undefined || (x !== undefined && x < y)) {
        check(a, i, 0)
        await report(0)
        if (!f.one) out += `${x}${eol}`
        i++
      } else if (x === undefined || y < x) {
        check(b, j, 1)
        await report(1)
        if (!f.two) out += `${col2}${y}${eol}`
        j++
      } else {
        check(a, i, 0)
        check(b, j, 1)
        if (!f.three) out += `${col3}${x}${eol}`
        i++
        j++
      }
    }
    await ctx.stdout.write(out)
    if (status !== 0) await ctx.stderr.write('comm: input is not in sorted order\n')
    return status
  },
})
