/** env: print the environment, or run a command in a modified one (-i, -u, NAME=VALUE). */
import { defineCommand } from './define-command.js'

export default defineCommand({
  name: 'env',
  usage: 'env [OPTION]... [-] [NAME=VALUE]... [COMMAND [ARG]...]',
  description: 'Set each NAME to VALUE in the environment and run COMMAND.',
  stopAtOperand: true,
  flags: {
    i: { type: 'boolean', long: 'ignore-environment', description: 'start with an empty environment' },
    u: { type: 'string', long: 'unset', repeatable: true, arg: 'NAME', description: 'remove variable from the environment' },
    '0': { type: 'boolean', long: 'null', description: 'end each output line with NUL, not newline' },
  },
  async run(ctx) {
    const args = [...ctx.args]
    let clear = ctx.flags.i
    if (args[0] === '-') {
      clear = true
      args.shift()
    }
    const vars = new Map<string, string>(clear ? [] : [...ctx.env.entries()])
    for (const u of ctx.flags.u) vars.delete(u)
    while (args.length > 0 && /^[^=]+=/.test(args[0] as string)) {
      const a = args.shift() as string
      const eq = a.indexOf('=')
      vars.set(a.slice(0, eq), a.slice(eq + 1))
    }
    if (args.length === 0) {
      const end = ctx.flags['0'] ? '\0' : '\n'
      await ctx.stdout.write([...vars].map(([k, v]) => `${k}=${v}${end}`).join(''))
      return 0
    }
    const code = await ctx.shell.runArgv(args, { env: Object.fromEntries(vars), signal: ctx.signal })
    return code
  },
})
