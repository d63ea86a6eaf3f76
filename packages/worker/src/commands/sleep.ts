/** sleep: wait for the sum of the given durations (s, m, h, d suffixes); stops on abort. */
import { defineCommand } from './define-command.js'
import { q } from './lib/errors.js'
import { waitOrAbort } from './lib/wait.js'

const UNIT: Record<string, number> = { '': 1, s: 1, m: 60, h: 3600, d: 86400 }

export default defineCommand({
  name: 'sleep',
  usage: 'sleep NUMBER[SUFFIX]...',
  description: "Pause for NUMBER seconds; SUFFIX may be 's', 'm', 'h' or 'd'. Several values are summed.",
  async run(ctx) {
    if (ctx.args.length === 0) {
      await ctx.stderr.write("sleep: missing operand\nTry 'sleep --help' for more information.\n")
      return 1
    }
    let seconds = 0
    for (const a of ctx.args) {
      const m = /^(\d+(?:\.\d*)?|\.\d+|inf(?:inity)?)([smhd]?)$/.exec(a)
      if (!m) {
        await ctx.stderr.write(`sleep: invalid time interval ${q(a)}\nTry 'sleep --help' for more information.\n`)
        return 1
      }
      seconds += (m[1]?.startsWith('inf') ? Infinity : Number(m[1])) * (UNIT[m[2] ?? ''] ?? 1)
    }
    return (await waitOrAbort(seconds * 1000, ctx.signal)) ? 130 : 0
  },
})
