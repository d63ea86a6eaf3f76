/** clear: clear the terminal screen and scrollback. */
import { defineCommand } from './define-command.js'

export default defineCommand({
  name: 'clear',
  usage: 'clear [-x]',
  description: 'Clear the terminal screen.',
  flags: { x: { type: 'boolean', description: 'do not try to clear the scrollback' } },
  async run(ctx) {
    await ctx.stdout.write(ctx.flags.x ? '\x1b[H\x1b[2J' : '\x1b[H\x1b[2J\x1b[3J')
    return 0
  },
})
