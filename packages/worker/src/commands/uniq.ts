/** uniq: report or omit repeated adjacent lines (-c counts, -d/-D/-u filters, -f/-s/-w/-i). */
import { defineCommand } from './define-command.js'
import { describeError, q } from './lib/errors.js'
import { readOperandText } from './lib/input.js'
import { splitLines } from './lib/lines.js'

export default defineCommand({
  name: 'uniq',
  usage: 'uniq [OPTION]... [INPUT [OUTPUT]]',
  description: 'Filter adjacent matching lines from INPUT (or standard input), writing to OUTPUT (or standard output).',
  flags: {
    c: { type: 'boolean', long: 'count', description: 'prefix lines by the number of occurrences' },
    d: { type: 'boolean', long: 'repeated', description: 'only print duplicate lines, one for each group' },
    D: { type: 'boolean', description: 'print all duplicate lines' },
    u: { type: 'boolean', long: 'unique', description: 'only print unique lines' },
    i: { type: 'boolean', long: 'ignore-case', description: 'ignore differences in case when comparing' },
    f: { type: 'string', long: 'skip-fields', arg: 'N', description: 'avoid comparing the first N fields' },
    s: { type: 'string', long: 'skip-chars', arg: 'N', description: 'avoid comparing the first N characters' },
    w: { type: 'string', long: 'check-chars', arg: 'N', description: 'compare no more than N characters in lines' },
    z: { type: 'boolean', long: 'zero-terminated', description: 'line delimiter is NUL, not newline' },
  },
  async run(ctx) {
    const f = ctx.flags
    const num = async (v: string | undefined, what: string): Promise<number | null> => {
      if (v === undefined) return 0
      if (!/^\d+$/.test(v)) {
        await ctx.stderr.write(`uniq: ${v}: invalid number of ${what}\n`)
        return null
      }
      return Number(v)
    }
    const skipFields = await num(f.f, 'fields to skip')
    const skipChars = await num(f.s, 'bytes to skip')
    const checkChars = f.w === undefined ? Infinity : await num(f.w, 'bytes to compare')
    if (skipFields === null || skipChars === null || checkChars === null) return 1
    if (ctx.args.length > 2) {
      await ctx.stderr.write(`uniq: extra operand ${q(ctx.args[2] as string)}\nTry 'uniq --help' for more information.\n`)
      return 1
    }
    const eol = f.z ? '\0' : '\n'
    const text = await readOperandText(ctx, ctx.args[0] ?? '-', 'uniq')
    if (text === null) return 1
    const keyOf = (line: string) => {
      let s = line
      for (let i = 0; i < skipFields; i++) s = s.replace(/^[ \t]*[^ \t]*/, '')
      s = s.slice(skipChars)
      if (checkChars !== Infinity) s = s.slice(0, checkChars)
      return f.i ? s.toLowerCase() : s
    }
    const lines = splitLines(text, eol).lines
    let out = ''
    for (let i = 0; i < lines.length; ) {
      const key = keyOf(lines[i] as string)
      let j = i + 1
      while (j < lines.length && keyOf(lines[j] as string) === key) j++
      const n = j - i
      if (f.D) {
        if (n > 1) for (let k = i; k < j; k++) out += `${f.c ? `${String(n).padStart(7)} ` : ''}${lines[k]}${eol}`
      } else if (!((f.d && n < 2) || (f.u && n > 1))) out += `${f.c ? `${String(n).padStart(7)} ` : ''}${lines[i]}${eol}`
      i = j
    }
    if (ctx.args[1] !== undefined && ctx.args[1] !== '-') {
      try {
        ctx.fs.writeFile(ctx.resolve(ctx.args[1]), out)
      } catch (e) {
        await ctx.stderr.write(`uniq: ${ctx.args[1]}: ${describeError(e)}\n`)
        return 1
      }
    } else await ctx.stdout.write(out)
    return 0
  },
})
