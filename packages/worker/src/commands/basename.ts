/** basename: strip directory and, optionally, a suffix from file names. */
import { defineCommand } from './define-command.js'
import { q } from './lib/errors.js'
import { baseName } from './lib/path.js'

export default defineCommand({
  name: 'basename',
  usage: 'basename NAME [SUFFIX]\n  or:  basename OPTION... NAME...',
  description: 'Print NAME with any leading directory components removed; also remove a trailing SUFFIX.',
  flags: {
    a: { type: 'boolean', long: 'multiple', description: 'support multiple arguments and treat each as a NAME' },
    s: { type: 'string', long: 'suffix', arg: 'SUFFIX', description: 'remove a trailing SUFFIX; implies -a' },
    z: { type: 'boolean', long: 'zero', description: 'end each output line with NUL, not newline' },
  },
  async run(ctx) {
    const f = ctx.flags
    if (ctx.args.length === 0) {
      await ctx.stderr.write("basename: missing operand\nTry 'basename --help' for more information.\n")
      return 1
    }
    const multiple = f.a || f.s !== undefined
    if (!multiple && ctx.args.length > 2) {
      await ctx.stderr.write(`basename: extra operand ${q(ctx.args[2] as string)}\nTry 'basename --help' for more information.\n`)
      return 1
    }
    const names = multiple ? ctx.args : [ctx.args[0] as string]
    const suffix = multiple ? f.s : ctx.args[1]
    const strip = (b: string) => (suffix && b !== suffix && b.endsWith(suffix) ? b.slice(0, -suffix.length) : b)
    await ctx.stdout.write(names.map((n) => strip(baseName(n)) + (f.z ? '\0' : '\n')).join(''))
    return 0
  },
})
