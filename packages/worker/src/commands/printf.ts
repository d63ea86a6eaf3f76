/** printf: bash's builtin printf (format reuse, %b, %q, escapes, invalid-number diagnostics). */
import { defineCommand } from './define-command.js'
import { formatPrintf } from './lib/printf-format.js'

export default defineCommand({
  name: 'printf',
  usage: 'printf FORMAT [ARGUMENTS]...',
  description: 'Write the ARGUMENTS to standard output under the control of FORMAT.',
  rawArgs: true,
  async run(ctx) {
    let args = ctx.args
    if (args[0] === '--') args = args.slice(1)
    if (args.length === 0) {
      await ctx.stderr.write('printf: usage: printf [-v var] format [arguments]\n')
      return 2
    }
    const first = args[0] as string
    if (first.startsWith('-') && first !== '-' && !/^-\d/.test(first)) {
      await ctx.stderr.write(`bash: printf: ${first.slice(0, 2)}: invalid option\nprintf: usage: printf [-v var] format [arguments]\n`)
      return 2
    }
    const r = formatPrintf(first, args.slice(1))
    await ctx.stdout.write(r.bytes)
    // printf is a bash builtin, so its messages carry the shell's prefix.
    for (const bad of r.invalid) await ctx.stderr.write(`bash: printf: ${bad}: invalid number\n`)
    return r.invalid.length > 0 ? 1 : 0
  },
})
