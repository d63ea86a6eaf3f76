/** `return`, `break`, `continue`: raise the typed signals the enclosing frames catch. */
import { BreakSignal, ContinueSignal, ReturnSignal } from '../errors.js'
import { defineBuiltin, fail, state } from './types.js'

export const returnBuiltin = defineBuiltin({
  name: 'return',
  usage: 'return [n]',
  async run(ctx) {
    const st = state(ctx)
    if (st.funcStack.length === 0 && st.sourcing === 0) return fail(ctx, "can only `return' from a function or sourced script")
    const a = ctx.args[0]
    if (a !== undefined && !/^-?\d+$/.test(a)) {
      await fail(ctx, `${a}: numeric argument required`)
      throw new ReturnSignal(2)
    }
    throw new ReturnSignal(a === undefined ? st.lastStatus : ((Number(a) % 256) + 256) % 256)
  },
})

const loopControl = (name: 'break' | 'continue') =>
  defineBuiltin({
    name,
    usage: `${name} [n]`,
    async run(ctx) {
      const st = state(ctx)
      const a = ctx.args[0]
      const n = a === undefined ? 1 : Number(a)
      if (!Number.isInteger(n)) return fail(ctx, `${a}: numeric argument required`, 128)
      if (n < 1) return fail(ctx, `${a}: loop count out of range`)
      if (st.loops === 0) return fail(ctx, "only meaningful in a `for', `while', or `until' loop", 0)
      throw name === 'break' ? new BreakSignal(Math.min(n, st.loops)) : new ContinueSignal(Math.min(n, st.loops))
    },
  })

export const breakBuiltin = loopControl('break')
export const continueBuiltin = loopControl('continue')
