/** `unset [-v|-f] name…`: removes variables, array elements or functions. */
import { defineBuiltin, fail, state } from './types.js'

export default defineBuiltin({
  name: 'unset',
  usage: 'unset [-f] [-v] [name ...]',
  async run(ctx) {
    const st = state(ctx)
    let fn = false
    let status = 0
    for (const a of ctx.args) {
      if (a === '-f') {
        fn = true
        continue
      }
      if (a === '-v') continue
      if (fn) {
        st.functions.delete(a)
        continue
      }
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[(.*)\])?$/.exec(a)
      if (!m) {
        status = await fail(ctx, `\`${a}': not a valid identifier`)
        continue
      }
      try {
        if (m[2] !== undefined) st.unsetElement(m[1]!, await ctx.interp.expander.arith(m[2]))
        else if (st.lookup(m[1]!)) st.unset(m[1]!)
        else st.functions.delete(m[1]!)
      } catch (e) {
        status = await fail(ctx, e instanceof Error ? e.message.replace(/^unset: /, '') : String(e))
      }
    }
    return status
  },
})
