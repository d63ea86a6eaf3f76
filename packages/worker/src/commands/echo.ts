/** echo: bash's builtin semantics (-n, -e, -E; options only while every letter is valid). */
import { defineCommand } from './define-command.js'
import { ByteBuilder } from './lib/bytes.js'
import { appendEscaped } from './lib/escapes.js'

export default defineCommand({
  name: 'echo',
  usage: 'echo [-neE] [ARG]...',
  description: 'Write the arguments to standard output, separated by spaces.',
  rawArgs: true,
  noHelp: true,
  async run(ctx) {
    let newline = true
    let escapes = false
    let i = 0
    for (; i < ctx.args.length; i++) {
      const a = ctx.args[i] as string
      if (!/^-[neE]+$/.test(a)) break
      for (const ch of a.slice(1)) {
        if (ch === 'n') newline = false
        else if (ch === 'e') escapes = true
        else escapes = false
      }
    }
    const out = new ByteBuilder()
    const words = ctx.args.slice(i)
    for (let w = 0; w < words.length; w++) {
      if (w > 0) out.text(' ')
      if (escapes) {
        if (appendEscaped(out, words[w] as string, 'echo')) {
          await ctx.stdout.write(out.result())
          return 0
        }
      } else out.text(words[w] as string)
    }
    if (newline) out.text('\n')
    await ctx.stdout.write(out.result())
    return 0
  },
})
