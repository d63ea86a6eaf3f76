/** yes: repeat a line until the reader goes away (ends quietly on a broken pipe). */
import { defineCommand } from './define-command.js'

export default defineCommand({
  name: 'yes',
  usage: 'yes [STRING]...',
  description: "Repeatedly output a line with all specified STRING(s), or 'y'.",
  rawArgs: true,
  async run(ctx) {
    const line = `${ctx.args.length > 0 ? ctx.args.join(' ') : 'y'}\n`
    // Write in blocks: one await per ~8 KiB instead of per line.
    const block = new TextEncoder().encode(line.repeat(Math.max(1, Math.floor(8192 / line.length))))
    while (!ctx.signal.aborted) await ctx.stdout.write(block)
    return 130
  },
})
