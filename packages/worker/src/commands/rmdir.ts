/** rmdir: remove empty directories (-p removes emptied parents too). */
import { defineCommand } from './define-command.js'
import { describeError } from './lib/errors.js'
import { dirName } from './lib/path.js'

export default defineCommand({
  name: 'rmdir',
  usage: 'rmdir [OPTION]... DIRECTORY...',
  description: 'Remove the DIRECTORY(ies), if they are empty.',
  flags: {
    p: { type: 'boolean', long: 'parents', description: "remove DIRECTORY and its ancestors; e.g., 'rmdir -p a/b' is similar to 'rmdir a/b a'" },
    v: { type: 'boolean', long: 'verbose', description: 'output a diagnostic for every directory processed' },
    'ignore-fail-on-non-empty': { type: 'boolean', description: 'ignore each failure that is solely because a directory is non-empty' },
  },
  async run(ctx) {
    if (ctx.args.length === 0) {
      await ctx.stderr.write("rmdir: missing operand\nTry 'rmdir --help' for more information.\n")
      return 1
    }
    let status = 0
    for (const op of ctx.args) {
      let shown = op.replace(/\/+$/, '') || op
      for (;;) {
        if (ctx.flags.v) await ctx.stdout.write(`rmdir: removing directory, '${shown}'\n`)
        try {
          ctx.fs.rmdir(ctx.resolve(shown))
        } catch (e) {
          const notEmpty = e instanceof Error && 'code' in e && e.code === 'ENOTEMPTY'
          if (!(notEmpty && ctx.flags['ignore-fail-on-non-empty'])) {
            await ctx.stderr.write(`rmdir: failed to remove '${shown}': ${describeError(e)}\n`)
            status = 1
          }
          break
        }
        if (!ctx.flags.p) break
        const parent = dirName(shown)
        if (parent === shown || parent === '.' || parent === '/') break
        shown = parent
      }
    }
    return status
  },
})
