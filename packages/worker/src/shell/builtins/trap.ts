/** `trap [action] [signal…]`, `trap -p`, `trap - SIG`: EXIT and INT handlers (others stored). */
import { defineBuiltin, fail, out, shellQuote, state } from './types.js'

const NUMBERS: Record<string, string> = { '0': 'EXIT', '1': 'HUP', '2': 'INT', '3': 'QUIT', '9': 'KILL', '15': 'TERM' }
const KNOWN = new Set(['EXIT', 'HUP', 'INT', 'QUIT', 'KILL', 'TERM', 'ERR', 'DEBUG', 'RETURN', 'USR1', 'USR2', 'CHLD', 'PIPE', 'ALRM', 'TSTP', 'WINCH'])

export function signalName(s: string): string | undefined {
  const up = s.toUpperCase().replace(/^SIG/, '')
  if (NUMBERS[up]) return NUMBERS[up]
  return KNOWN.has(up) ? up : undefined
}

export default defineBuiltin({
  name: 'trap',
  usage: 'trap [-lp] [[arg] signal_spec ...]',
  async run(ctx) {
    const st = state(ctx)
    const args = ctx.args.slice()
    if (args[0] === '--') args.shift()
    if (args.length === 0 || args[0] === '-p') {
      const only = args.slice(1).map((a) => signalName(a))
      let text = ''
      for (const [sig, action] of st.traps) {
        if (only.length && !only.includes(sig)) continue
        text += `trap -- ${shellQuote(action)} ${sig === 'EXIT' ? 'EXIT' : 'SIG' + sig}\n`
      }
      await out(ctx, text)
      return 0
    }
    if (args[0] === '-l') {
      await out(ctx, ' 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 9) SIGKILL\t15) SIGTERM\n')
      return 0
    }
    let action: string | undefined = args.shift()!
    // `trap SIG` alone (a single signal-looking arg) resets it.
    if (args.length === 0 && signalName(action)) {
      args.push(action)
      action = '-'
    }
    let status = 0
    for (const a of args) {
      const sig = signalName(a)
      if (!sig) {
        status = await fail(ctx, `${a}: invalid signal specification`)
        continue
      }
      if (action === '-') st.traps.delete(sig)
      else st.traps.set(sig, action)
    }
    return status
  },
})
