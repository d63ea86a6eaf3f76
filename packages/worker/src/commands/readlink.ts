/** readlink: print a symlink's target, or with -f/-e/-m the canonical path. */
import { defineCommand } from './define-command.js'
import { describeError } from './lib/errors.js'
import { canonicalize } from './lib/canonical.js'

export default defineCommand({
  name: 'readlink',
  usage: 'readlink [OPTION]... FILE...',
  description: 'Print value of a symbolic link or canonical file name.',
  flags: {
    f: { type: 'boolean', long: 'canonicalize', description: 'canonicalize; all but the last component must exist' },
    e: { type: 'boolean', long: 'canonicalize-existing', description: 'canonicalize; all components must exist' },
    m: { type: 'boolean', long: 'canonicalize-missing', description: 'canonicalize without requirements on components existence' },
    n: { type: 'boolean', long: 'no-newline', description: 'do not output the trailing delimiter' },
    q: { type: 'boolean', long: 'quiet', description: 'suppress most error messages' },
    s: { type: 'boolean', long: 'silent', description: 'suppress most error messages' },
    v: { type: 'boolean', long: 'verbose', description: 'report error messages' },
    z: { type: 'boolean', long: 'zero', description: 'end each output line with NUL, not newline' },
  },
  async run(ctx) {
    const f = ctx.flags
    if (ctx.args.length === 0) {
      await ctx.stderr.write("readlink: missing operand\nTry 'readlink --help' for more information.\n")
      return 1
    }
    const canon = f.f || f.e || f.m
    let status = 0
    const results: string[] = []
    for (const op of ctx.args) {
      try {
        if (canon) results.push(canonicalize(ctx.fs, ctx.resolve(op), f.e ? 'existing' : f.m ? 'missing' : 'parent'))
        else results.push(ctx.fs.readlink(ctx.resolve(op)))
      } catch (e) {
        if (f.v) await ctx.stderr.write(`readlink: ${op}: ${describeError(e)}\n`)
        status = 1
      }
    }
    const sep = f.z ? '\0' : '\n'
    const noNewline = f.n && results.length <= 1
    await ctx.stdout.write(results.map((r) => r + (noNewline ? '' : sep)).join(''))
    return status
  },
})
