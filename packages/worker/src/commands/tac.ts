/** tac: concatenate and print files in reverse line order. */
import { defineCommand } from './define-command.js'
import { binaryToBytes, bytesToBinary, operandsOrStdin, readOperand } from './lib/input.js'

export default defineCommand({
  name: 'tac',
  usage: 'tac [OPTION]... [FILE]...',
  description: 'Write each FILE to standard output, last line first.',
  flags: {
    s: { type: 'string', long: 'separator', arg: 'STRING', description: 'use STRING as the separator instead of newline' },
    b: { type: 'boolean', long: 'before', description: 'attach the separator before instead of after' },
  },
  async run(ctx) {
    const sep = bytesToBinary(new TextEncoder().encode(ctx.flags.s ?? '\n'))
    let status = 0
    for (const op of operandsOrStdin(ctx.args)) {
      const data = await readOperand(ctx, op, 'tac', (o, reason) => `failed to open '${o}' for reading: ${reason}`)
      if (data === null) {
        status = 1
        continue
      }
      const s = bytesToBinary(data)
      const records: string[] = []
      if (ctx.flags.b) {
        let start = 0
        for (let p = s.indexOf(sep, 1); p !== -1; p = s.indexOf(sep, p + 1)) {
          records.push(s.slice(start, p))
          start = p
        }
        records.push(s.slice(start))
      } else {
        let start = 0
        for (let p = s.indexOf(sep); p !== -1; p = s.indexOf(sep, start)) {
          records.push(s.slice(start, p + sep.length))
          start = p + sep.length
        }
        if (start < s.length) records.push(s.slice(start))
      }
      await ctx.stdout.write(binaryToBytes(records.reverse().join('')))
    }
    return status
  },
})
