/** `shift [n]`: drops the first n positional parameters. */
import { defineBuiltin, fail, state } from './types.js'

export default defineBuiltin({
  name: 'shift',
  usage: 'shift [n]',
  async run(ctx) {
    const st = state(ctx)
    const n = ctx.args[0] === undefined ? 1 : Number(ctx.args[0])
    if (!Number.isInteger(n) || n < 0) return fail(ctx, `${ctx.args[0]}: numeric argument required`)
    if (n > st.positional.length) return 1
    st.positional = st.positional.slice(n)
    return 0
  },
})
