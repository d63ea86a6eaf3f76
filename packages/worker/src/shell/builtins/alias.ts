/** `alias [name[=value]…]` and `unalias [-a] name…`. */
import { defineBuiltin, fail, out, shellQuote, state } from './types.js'

export const alias = defineBuiltin({
  name: 'alias',
  usage: 'alias [-p] [name[=value] ... ]',
  async run(ctx) {
    const st = state(ctx)
    const args = ctx.args.filter((a) => a !== '-p')
    if (args.length === 0) {
      let text = ''
      for (const k of [...st.aliases.keys()].sort()) text += `alias ${k}=${shellQuote(st.aliases.get(k)!)}\n`
      await out(ctx, text)
      return 0
    }
    let status = 0
    for (const a of args) {
      const eq = a.indexOf('=')
      if (eq > 0) {
        st.aliases.set(a.slice(0, eq), a.slice(eq + 1))
        continue
      }
      const v = st.aliases.get(a)
      if (v === undefined) status = await fail(ctx, `${a}: not found`)
      else await out(ctx, `alias ${a}=${shellQuote(v)}\n`)
    }
    return status
  },
})

export const unalias = defineBuiltin({
  name: 'unalias',
  usage: 'unalias [-a] name [name ...]',
  async run(ctx) {
    const st = state(ctx)
    if (ctx.args.length === 0) return fail(ctx, 'usage: unalias [-a] name [name ...]', 2)
    let status = 0
    for (const a of ctx.args) {
      if (a === '-a') {
        st.aliases.clear()
        continue
      }
      if (!st.aliases.delete(a)) status = await fail(ctx, `${a}: not found`)
    }
    return status
  },
})
