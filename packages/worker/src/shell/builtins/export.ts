/** `export [-n] [-p] [name[=value]]…`: marks variables for the environment of commands. */
import { declareQuote, defineBuiltin, fail, isName, out, state } from './types.js'

export default defineBuiltin({
  name: 'export',
  usage: 'export [-fn] [name[=value] ...] or export -p',
  async run(ctx) {
    const st = state(ctx)
    let unexport = false
    const args = ctx.args.slice()
    while (args[0]?.startsWith('-') && args[0] !== '-' ) {
      const a = args.shift()!
      if (a === '--') break
      if (a.includes('n')) unexport = true
      else if (!/^-[pf]+$/.test(a)) return fail(ctx, `${a}: invalid option`, 2)
    }
    if (args.length === 0) {
      const env = st.exportedEnv()
      let text = ''
      for (const k of Object.keys(env).sort()) text += `declare -x ${k}=${declareQuote(env[k]!)}\n`
      await out(ctx, text)
      return 0
    }
    let status = 0
    for (const a of args) {
      const eq = a.indexOf('=')
      const append = eq > 0 && a[eq - 1] === '+'
      const name = eq < 0 ? a : a.slice(0, append ? eq - 1 : eq)
      if (!isName(name)) {
        status = await fail(ctx, `\`${a}': not a valid identifier`)
        continue
      }
      if (eq >= 0) st.set(name, a.slice(eq + 1), { export: !unexport, append })
      const v = st.lookup(name)
      if (v) v.exported = !unexport
      else if (!unexport) st.set(name, '', { export: true })
    }
    return status
  },
})
