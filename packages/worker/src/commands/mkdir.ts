/** mkdir: create directories, with -p for parents and -m for the mode. */
import { VfsError, isVfsError } from '../vfs/types.js'
import { defineCommand } from './define-command.js'
import { describeError, q } from './lib/errors.js'
import { applyMode } from './lib/mode.js'
import { dirName } from './lib/path.js'

export default defineCommand({
  name: 'mkdir',
  usage: 'mkdir [OPTION]... DIRECTORY...',
  description: 'Create the DIRECTORY(ies), if they do not already exist.',
  flags: {
    p: { type: 'boolean', long: 'parents', description: 'no error if existing, make parent directories as needed' },
    m: { type: 'string', long: 'mode', arg: 'MODE', description: 'set file mode (as in chmod), not a=rwx - umask' },
    v: { type: 'boolean', long: 'verbose', description: 'print a message for each created directory' },
  },
  async run(ctx) {
    if (ctx.args.length === 0) {
      await ctx.stderr.write("mkdir: missing operand\nTry 'mkdir --help' for more information.\n")
      return 1
    }
    let mode: number | undefined
    if (ctx.flags.m !== undefined) {
      const m = applyMode(ctx.flags.m, 0o777, true)
      if (m === null) {
        await ctx.stderr.write(`mkdir: invalid mode ${q(ctx.flags.m)}\n`)
        return 1
      }
      mode = m
    }
    let status = 0
    for (const op of ctx.args) {
      const path = ctx.resolve(op)
      try {
        if (ctx.flags.p) {
          // Create each missing ancestor so -v can name them, as GNU does.
          const missing: string[] = []
          for (let p = path, shown = op; !ctx.fs.exists(p); p = dirName(p), shown = dirName(shown)) {
            missing.unshift(shown)
            if (p === '/') break
          }
          if (missing.length === 0 && ctx.fs.stat(path).type !== 'dir') throw new VfsError('EEXIST', path)
          for (const shown of missing) {
            ctx.fs.mkdir(ctx.resolve(shown), shown === op && mode !== undefined ? { mode } : {})
            if (ctx.flags.v) await ctx.stdout.write(`mkdir: created directory '${shown}'\n`)
          }
        } else {
          ctx.fs.mkdir(path, mode !== undefined ? { mode } : {})
          if (mode !== undefined) ctx.fs.chmod(path, mode)
          if (ctx.flags.v) await ctx.stdout.write(`mkdir: created directory '${op}'\n`)
        }
      } catch (e) {
        if (ctx.flags.p && isVfsError(e, 'EEXIST') && safeIsDir(ctx.fs, path)) continue
        let shown = op
        if (isVfsError(e, 'ENOTDIR')) {
          // GNU names the ancestor that is not a directory.
          const parts = op.split('/')
          for (let i = 1; i < parts.length; i++) {
            const prefix = parts.slice(0, i).join('/') || '/'
            if (ctx.fs.exists(ctx.resolve(prefix)) && !safeIsDir(ctx.fs, ctx.resolve(prefix))) {
              shown = prefix
              break
            }
          }
        }
        await ctx.stderr.write(`mkdir: cannot create directory ${q(shown)}: ${describeError(e)}\n`)
        status = 1
      }
    }
    return status
  },
})

const safeIsDir = (fs: { stat(p: string): { type: string } }, p: string): boolean => {
  try {
    return fs.stat(p).type === 'dir'
  } catch {
    return false
  }
}
