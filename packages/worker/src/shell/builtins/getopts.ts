/** `getopts optstring name [args]`: POSIX option parsing with OPTIND/OPTARG. */
import type { ShellState } from '../state.js'
import { defineBuiltin, fail, state } from './types.js'

/** Position inside a group of short options (`-abc`), per shell. */
const charIndex = new WeakMap<ShellState, { optind: number; pos: number }>()

export default defineBuiltin({
  name: 'getopts',
  usage: 'getopts optstring name [arg ...]',
  async run(ctx) {
    const st = state(ctx)
    const [spec, name, ...rest] = ctx.args
    if (spec === undefined || name === undefined) return fail(ctx, 'usage: getopts optstring name [arg ...]', 2)
    const args = rest.length ? rest : st.positional
    const silent = spec.startsWith(':')
    let optind = Number(st.get('OPTIND') ?? '1') || 1
    let saved = charIndex.get(st)
    if (!saved || saved.optind !== optind) saved = { optind, pos: 1 }
    const arg = args[optind - 1]
    const finish = (): number => {
      st.set(name, '?')
      st.set('OPTIND', String(optind))
      charIndex.delete(st)
      return 1
    }
    if (arg === undefined || !arg.startsWith('-') || arg === '-') return finish()
    if (arg === '--') {
      optind++
      return finish()
    }
    const c = arg[saved.pos]!
    let pos = saved.pos + 1
    const advance = (): void => {
      if (pos >= arg.length) {
        optind++
        pos = 1
      }
    }
    const idx = spec.indexOf(c)
    if (c === ':' || idx < 0) {
      advance()
      st.set('OPTIND', String(optind))
      charIndex.set(st, { optind, pos })
      if (silent) {
        st.set('OPTARG', c)
      } else {
        st.unset('OPTARG')
        await ctx.env.io.stderr.write(`${st.scriptName}: illegal option -- ${c}\n`)
      }
      st.set(name, '?')
      return 0
    }
    if (spec[idx + 1] === ':') {
      let value: string | undefined
      if (pos < arg.length) {
        value = arg.slice(pos)
        optind++
      } else {
        value = args[optind]
        optind += 2
      }
      pos = 1
      if (value === undefined) {
        st.set('OPTIND', String(optind - 1))
        charIndex.delete(st)
        if (silent) {
          st.set(name, ':')
          st.set('OPTARG', c)
        } else {
          st.set(name, '?')
          st.unset('OPTARG')
          await ctx.env.io.stderr.write(`${st.scriptName}: option requires an argument -- ${c}\n`)
        }
        return 0
      }
      st.set('OPTARG', value)
    } else {
      advance()
      st.unset('OPTARG')
    }
    st.set(name, c)
    st.set('OPTIND', String(optind))
    charIndex.set(st, { optind, pos })
    return 0
  },
})
