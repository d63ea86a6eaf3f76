/** timeout: run a command and stop it when DURATION passes (exit 124, like GNU). */
import { defineCommand } from './define-command.js'
import { q } from './lib/errors.js'

const UNIT: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }

const parseDuration = (s: string): number | null => {
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(s)
  return m ? Number(m[1]) * (UNIT[m[2] ?? ''] ?? 1) * 1000 : null
}

export default defineCommand({
  name: 'timeout',
  usage: 'timeout [OPTION] DURATION COMMAND [ARG]...',
  description: 'Start COMMAND, and stop it if still running after DURATION.',
  stopAtOperand: true,
  flags: {
    s: { type: 'string', long: 'signal', arg: 'SIGNAL', description: 'specify the signal to be sent on timeout (all signals stop the command here)' },
    k: { type: 'string', long: 'kill-after', arg: 'DURATION', description: 'also send a KILL signal if COMMAND is still running this long after the initial signal' },
    'preserve-status': { type: 'boolean', description: 'exit with the same status as COMMAND, even when the command times out' },
    foreground: { type: 'boolean', description: 'when not running timeout directly from a shell prompt, allow COMMAND to read from the TTY' },
    v: { type: 'boolean', long: 'verbose', description: 'diagnose to stderr any signal sent upon timeout' },
  },
  async run(ctx) {
    const [dur, ...command] = ctx.args
    if (dur === undefined || command.length === 0) {
      await ctx.stderr.write(`timeout: missing operand\nTry 'timeout --help' for more information.\n`)
      return 125
    }
    const ms = parseDuration(dur)
    if (ms === null) {
      await ctx.stderr.write(`timeout: invalid time interval ${q(dur)}\nTry 'timeout --help' for more information.\n`)
      return 125
    }
    const ac = new AbortController()
    const forward = () => ac.abort(ctx.signal.reason)
    ctx.signal.addEventListener('abort', forward, { once: true })
    let timedOut = false
    const timer = ms > 0 ? setTimeout(() => {
      timedOut = true
      ac.abort(new Error('timeout'))
    }, ms) : undefined
    try {
      const code = await ctx.shell.runArgv(command, { signal: ac.signal })
      if (timedOut) {
        if (ctx.flags.v) await ctx.stderr.write(`timeout: sending signal ${ctx.flags.s ?? 'TERM'} to command ${q(command[0] as string)}\n`)
        return ctx.flags['preserve-status'] ? code : 124
      }
      return code
    } finally {
      if (timer !== undefined) clearTimeout(timer)
      ctx.signal.removeEventListener('abort', forward)
    }
  },
})
