/** `history [n]`, `history -c`: the persisted command history, numbered. */
import { defineBuiltin, fail, out } from './types.js'

export default defineBuiltin({
  name: 'history',
  usage: 'history [-c] [n]',
  async run(ctx) {
    const store = ctx.interp.rt.history
    if (ctx.args[0] === '-c') {
      store?.clear()
      return 0
    }
    const all = store?.list() ?? []
    let from = 0
    if (ctx.args[0] !== undefined) {
      const n = Number(ctx.args[0])
      if (!Number.isInteger(n) || n < 0) return fail(ctx, `${ctx.args[0]}: numeric argument required`)
      from = Math.max(0, all.length - n)
    }
    let text = ''
    for (let i = from; i < all.length; i++) text += `${String(i + 1).padStart(5)}  ${all[i]}\n`
    await out(ctx, text)
    return 0
  },
})
