/** pwd: the logical current directory, or with -P the one with symlinks resolved. */
import { defineCommand } from './define-command.js'
import { describeError } from './lib/errors.js'

export default defineCommand({
  name: 'pwd',
  usage: 'pwd [-LP]',
  description: 'Print the name of the current working directory.',
  flags: {
    L: { type: 'boolean', description: 'print the value of $PWD if it names the current directory' },
    P: { type: 'boolean', description: 'print the physical directory, without any symbolic links' },
  },
  async run(ctx) {
    const physical = ctx.order.lastIndexOf('P') > ctx.order.lastIndexOf('L')
    try {
      await ctx.stdout.write(`${physical ? ctx.fs.realpath(ctx.cwd) : ctx.cwd}\n`)
      return 0
    } catch (e) {
      await ctx.stderr.write(`pwd: ${describeError(e)}\n`)
      return 1
    }
  },
})
