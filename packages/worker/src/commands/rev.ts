/** rev: reverse the characters of each line. */
import { defineCommand } from './define-command.js'
import { operandsOrStdin, readOperandText } from './lib/input.js'

export default defineCommand({
  name: 'rev',
  usage: 'rev [FILE]...',
  description: 'Reverse lines characterwise.',
  async run(ctx) {
    let status = 0
    for (const op of operandsOrStdin(ctx.args)) {
      const text = await readOperandText(ctx, op, 'rev', (o, reason) => `cannot open ${o}: ${reason}`)
      if (text === null) {
        status = 1
        continue
      }
      const parts = text.split('\n')
      await ctx.stdout.write(parts.map((l) => [...l].reverse().join('')).join('\n'))
    }
    return status
  },
})
