/** `set`: shell options (-e -u -x -f -C -a, -o pipefail …) and positional parameters. */
import type { ShellOptionsState } from '../state.js'
import { declareQuote, defineBuiltin, fail, out, state } from './types.js'

const LETTERS: Record<string, keyof ShellOptionsState> = {
  e: 'errexit', u: 'nounset', x: 'xtrace', f: 'noglob', C: 'noclobber', a: 'allexport', v: 'verbose',
}
const NAMED = new Set<keyof ShellOptionsState>(['errexit', 'nounset', 'xtrace', 'pipefail', 'noglob', 'noclobber', 'allexport', 'verbose'])

export default defineBuiltin({
  name: 'set',
  usage: 'set [-euxfCa] [-o option-name] [--] [arg ...]',
  async run(ctx) {
    const st = state(ctx)
    const args = ctx.args.slice()
    if (args.length === 0) {
      let text = ''
      for (const name of st.names()) {
        const v = st.lookup(name)!
        if (Array.isArray(v.value)) text += `${name}=(${v.value.map((x, i) => `[${i}]=${declareQuote(x)}`).filter(Boolean).join(' ')})\n`
        else text += `${name}=${/^[A-Za-z0-9_./:-]*$/.test(v.value) ? v.value : `'${v.value.replace(/'/g, "'\\''")}'`}\n`
      }
      await out(ctx, text)
      return 0
    }
    while (args.length) {
      const a = args[0]!
      if (a === '--') {
        args.shift()
        st.positional = args.splice(0)
        return 0
      }
      if (a === '-' ) {
        args.shift()
        st.positional = args.splice(0)
        return 0
      }
      if (!/^[-+]/.test(a)) break
      args.shift()
      const on = a[0] === '-'
      for (const c of a.slice(1)) {
        if (c === 'o') {
          const name = args.shift()
          if (name === undefined) {
            let text = ''
            for (const n of [...NAMED].sort()) {
              text += on ? `${n.padEnd(15)}\t${st.options[n] ? 'on' : 'off'}\n` : `set ${st.options[n] ? '-o' : '+o'} ${n}\n`
            }
            await out(ctx, text)
            continue
          }
          if (!NAMED.has(name as keyof ShellOptionsState)) return fail(ctx, `${name}: invalid option name`, 2)
          st.options[name as keyof ShellOptionsState] = on
          continue
        }
        const opt = LETTERS[c]
        if (!opt) return fail(ctx, `${a[0]}${c}: invalid option`, 2)
        st.options[opt] = on
      }
    }
    if (args.length) st.positional = args
    return 0
  },
})
