/** realpath: print resolved absolute file names (-e, -m, -s, --relative-to). */
import { defineCommand } from './define-command.js'
import { describeError } from './lib/errors.js'
import { canonicalize } from './lib/canonical.js'

export default defineCommand({
  name: 'realpath',
  usage: 'realpath [OPTION]... FILE...',
  description: 'Print the resolved absolute file name; all but the last component must exist.',
  flags: {
    e: { type: 'boolean', long: 'canonicalize-existing', description: 'all components of the path must exist' },
    m: { type: 'boolean', long: 'canonicalize-missing', description: 'no path components need exist or be a directory' },
    s: { type: 'boolean', long: 'strip', alias: ['no-symlinks'], description: "don't expand symlinks" },
    q: { type: 'boolean', long: 'quiet', description: 'suppress most error messages' },
    z: { type: 'boolean', long: 'zero', description: 'end each output line with NUL, not newline' },
    'relative-to': { type: 'string', arg: 'DIR', description: 'print the resolved path relative to DIR' },
  },
  async run(ctx) {
    if (ctx.args.length === 0) {
      await ctx.stderr.write("realpath: missing operand\nTry 'realpath --help' for more information.\n")
      return 1
    }
    const mode = ctx.flags.e ? 'existing' : ctx.flags.m ? 'missing' : 'parent'
    let status = 0
    let out = ''
    for (const op of ctx.args) {
      try {
        let p = canonicalize(ctx.fs, ctx.resolve(op), mode, !ctx.flags.s)
        if (ctx.flags['relative-to'] !== undefined) {
          const base = canonicalize(ctx.fs, ctx.resolve(ctx.flags['relative-to']), mode, !ctx.flags.s)
          const a = base.split('/').filter(Boolean)
          const b = p.split('/').filter(Boolean)
          let i = 0
          while (i < a.length && i < b.length && a[i] === b[i]) i++
          p = [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/') || '.'
        }
        out += p + (ctx.flags.z ? '\0' : '\n')
      } catch (e) {
        if (!ctx.flags.q) await ctx.stderr.write(`realpath: ${op}: ${describeError(e)}\n`)
        status = 1
      }
    }
    await ctx.stdout.write(out)
    return status
  },
})
