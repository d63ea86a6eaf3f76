/** `eval args…`: joins the arguments and runs them as shell input. */
import { defineBuiltin } from './types.js'

export default defineBuiltin({
  name: 'eval',
  usage: 'eval [arg ...]',
  async run(ctx) {
    const source = ctx.args.join(' ')
    if (!source.trim()) return 0
    return ctx.interp.evalString(source, ctx.env)
  },
})
