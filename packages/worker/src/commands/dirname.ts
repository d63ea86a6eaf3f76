/** dirname: strip the last component from file names. */
import { defineCommand } from './define-command.js'
import { dirName } from './lib/path.js'

export default defineCommand({
  name: 'dirname',
  usage: 'dirname [OPTION] NAME...',
  description: 'Output each NAME with its last non-slash component and trailing slashes removed.',
  flags: {
    z: { type: 'boolean', long: 'zero', description: 'end each output line with NUL, not newline' },
  },
  async run(ctx) {
    if (ctx.args.length === 0) {
      await ctx.stderr.write("dirname: missing operand\nTry 'dirname --help' for more information.\n")
      return 1
    }
    await ctx.stdout.write(ctx.args.map((n) => dirName(n) + (ctx.flags.z ? '\0' : '\n')).join(''))
    return 0
  },
})
