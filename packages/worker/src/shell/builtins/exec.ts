/** `exec cmd args`: runs the command, then the shell ends with its status. */
import { ExitSignal } from '../errors.js'
import { defineBuiltin } from './types.js'

export default defineBuiltin({
  name: 'exec',
  usage: 'exec [command [arguments ...]]',
  async run(ctx) {
    if (ctx.args.length === 0) return 0
    const status = await ctx.interp.invoke(ctx.args, ctx.env, ctx.extraEnv, { skipFunctions: true })
    throw new ExitSignal(status)
  },
})
