/** uptime: how long this sandbox has been awake (since its runtime loaded). */
import { defineCommand } from './define-command.js'
import { strftime } from './lib/strftime.js'

const started = Date.now()

export default defineCommand({
  name: 'uptime',
  usage: 'uptime [-p] [-s]',
  description: 'Tell how long the sandbox has been running (load averages are always 0.00: there is no run queue).',
  flags: {
    p: { type: 'boolean', long: 'pretty', description: 'show uptime in pretty format' },
    s: { type: 'boolean', long: 'since', description: 'system up since' },
  },
  async run(ctx) {
    const now = Date.now()
    if (ctx.flags.s) {
      await ctx.stdout.write(`${strftime('%F %T', started)}\n`)
      return 0
    }
    const mins = Math.floor((now - started) / 60000)
    const h = Math.floor(mins / 60)
    const m = mins % 60
    if (ctx.flags.p) {
      const parts = [...(h > 0 ? [`${h} hour${h === 1 ? '' : 's'}`] : []), `${m} minute${m === 1 ? '' : 's'}`]
      await ctx.stdout.write(`up ${parts.join(', ')}\n`)
      return 0
    }
    const up = h > 0 ? `${h}:${String(m).padStart(2, '0')}` : `${m} min`
    await ctx.stdout.write(` ${strftime('%T', now)} up ${up},  1 user,  load average: 0.00, 0.00, 0.00\n`)
    return 0
  },
})
