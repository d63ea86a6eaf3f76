/** `shopt [-s|-u] name…`: bash options (nullglob, dotglob, globstar, extglob, nocasematch). */
import type { ShellOptionsState } from '../state.js'
import { defineBuiltin, fail, out, state } from './types.js'

const NAMES = ['dotglob', 'expand_aliases', 'extglob', 'globstar', 'nocasematch', 'nullglob'] as const
const key = (n: string): keyof ShellOptionsState => (n === 'expand_aliases' ? 'expandAliases' : (n as keyof ShellOptionsState))

export default defineBuiltin({
  name: 'shopt',
  usage: 'shopt [-su] [optname ...]',
  async run(ctx) {
    const st = state(ctx)
    let mode: '' | 's' | 'u' | 'q' = ''
    const names: string[] = []
    for (const a of ctx.args) {
      if (a === '-s') mode = 's'
      else if (a === '-u') mode = 'u'
      else if (a === '-q') mode = 'q'
      else names.push(a)
    }
    for (const n of names) {
      if (!(NAMES as readonly string[]).includes(n)) return fail(ctx, `${n}: invalid shell option name`)
    }
    if (mode === 's' || mode === 'u') {
      for (const n of names) st.options[key(n)] = mode === 's'
      return 0
    }
    const list = names.length ? names : [...NAMES]
    if (mode === 'q') return list.every((n) => st.options[key(n)]) ? 0 : 1
    let text = ''
    for (const n of list) text += `${n.padEnd(15)}\t${st.options[key(n)] ? 'on' : 'off'}\n`
    await out(ctx, text)
    return names.length && !names.every((n) => st.options[key(n)]) ? 1 : 0
  },
})
