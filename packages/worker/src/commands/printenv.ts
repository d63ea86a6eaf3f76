/** printenv: print all or some environment variables. */
import { defineCommand } from './define-command.js'

export default defineCommand({
  name: 'printenv',
  usage: 'printenv [OPTION]... [VARIABLE]...',
  description: 'Print the values of the specified environment VARIABLE(s), or all of them.',
  flags: {
    '0': { type: 'boolean', long: 'null', description: 'end each output line with NUL, not newline' },
  },
  async run(ctx) {
    const end = ctx.flags['0'] ? '\0' : '\n'
    if (ctx.args.length === 0) {
      await ctx.stdout.write([...ctx.env.entries()].map(([k, v]) => `${k}=${v}${end}`).join(''))
      return 0
    }
    let status = 0
    let out = ''
    for (const name of ctx.args) {
      const v = ctx.env.get(name)
      if (v === undefined || name.includes('=')) status = 1
      else out += v + end
    }
    await ctx.stdout.write(out)
    return status
  },
})
