/** `let expr…` and `:`. `let` is 0 when the last expression is non-zero. */
import { defineBuiltin, fail } from './types.js'
import { ShellError } from '../errors.js'

export const letBuiltin = defineBuiltin({
  name: 'let',
  usage: 'let arg [arg ...]',
  async run(ctx) {
    if (ctx.args.length === 0) return fail(ctx, 'expression expected')
    let v = 0n
    for (const a of ctx.args) {
      try {
        v = await ctx.interp.expander.arithBig(a)
      } catch (e) {
        if (e instanceof ShellError) return fail(ctx, e.message)
        throw e
      }
    }
    return v !== 0n ? 0 : 1
  },
})

export const colon = defineBuiltin({
  name: ':',
  usage: ': [arguments]',
  async run() {
    return 0
  },
})
