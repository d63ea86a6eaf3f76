/** `exit [n]`: ends the shell (or the subshell) with status n. */
import { ExitSignal } from '../errors.js'
import { defineBuiltin, fail, state } from './types.js'

export default defineBuiltin({
  name: 'exit',
  usage: 'exit [n]',
  async run(ctx) {
    const a = ctx.args[0]
    if (a === undefined) throw new ExitSignal(state(ctx).lastStatus)
    if (!/^[-+]?\d+$/.test(a)) {
      await fail(ctx, `${a}: numeric argument required`)
      throw new ExitSignal(2)
    }
    if (ctx.args.length > 1) return fail(ctx, 'too many arguments')
    throw new ExitSignal(((Number(a) % 256) + 256) % 256)
  },
})
