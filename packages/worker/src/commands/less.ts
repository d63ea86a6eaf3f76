/** less / more: page through files; without an interactive pager this shows them like cat. */
import { defineCommand } from './define-command.js'
import { operandsOrStdin, streamOperand } from './lib/input.js'

export default defineCommand({
  name: 'less',
  aliases: ['more'],
  usage: 'less [FILE]...',
  description: 'View files one screen at a time (non-interactive here: the text is written straight through).',
  rawArgs: true,
  async run(ctx) {
    const files = ctx.args.filter((a) => !a.startsWith('-') || a === '-')
    const ops = operandsOrStdin(files)
    let status = 0
    for (const op of ops) {
      // more(1) separates several files with a banner when it is not paging.
      if (ctx.name === 'more' && ops.length > 1) await ctx.stdout.write(`::::::::::::::\n${op}\n::::::::::::::\n`)
      const ok = await streamOperand(ctx, op, (c) => ctx.stdout.write(c))
      if (!ok) status = 1
    }
    return status
  },
})
