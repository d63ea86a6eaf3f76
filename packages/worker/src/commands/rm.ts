/** rm: remove files, or with -r whole trees; GNU's safety rules for `.`, `..` and `/`. */
import { defineCommand } from './define-command.js'
import { describeError } from './lib/errors.js'
import { baseName, joinPath } from './lib/path.js'

export default defineCommand({
  name: 'rm',
  usage: 'rm [OPTION]... [FILE]...',
  description: 'Remove (unlink) the FILE(s).',
  flags: {
    f: { type: 'boolean', long: 'force', description: 'ignore nonexistent files and arguments, never prompt' },
    r: { type: 'boolean', long: 'recursive', alias: ['R'], description: 'remove directories and their contents recursively' },
    R: { type: 'boolean', description: 'same as -r' },
    d: { type: 'boolean', long: 'dir', description: 'remove empty directories' },
    v: { type: 'boolean', long: 'verbose', description: 'explain what is being done' },
    'no-preserve-root': { type: 'boolean', description: "do not treat '/' specially" },
  },
  async run(ctx) {
    const f = ctx.flags
    const recursive = f.r || f.R
    if (ctx.args.length === 0) {
      if (f.f) return 0
      await ctx.stderr.write("rm: missing operand\nTry 'rm --help' for more information.\n")
      return 1
    }
    let status = 0
    const fail = async (op: string, e: unknown) => {
      await ctx.stderr.write(`rm: cannot remove '${op}': ${describeError(e)}\n`)
      status = 1
    }
    // Post-order walk so -v can name each removed entry, as GNU does.
    const removeTree = async (shown: string, path: string): Promise<void> => {
      if (ctx.signal.aborted) return
      if (ctx.fs.lstat(path).type === 'dir') {
        for (const c of ctx.fs.readdir(path)) await removeTree(joinPath(shown, c.name), joinPath(path, c.name))
        ctx.fs.rmdir(path)
        if (f.v) await ctx.stdout.write(`removed directory '${shown}'\n`)
      } else {
        ctx.fs.unlink(path)
        if (f.v) await ctx.stdout.write(`removed '${shown}'\n`)
      }
    }
    for (const op of ctx.args) {
      const base = baseName(op)
      if (base === '.' || base === '..') {
        await ctx.stderr.write(`rm: refusing to remove '.' or '..' directory: skipping '${op}'\n`)
        status = 1
        continue
      }
      const path = ctx.resolve(op)
      if (path === '/' && recursive && !f['no-preserve-root']) {
        await ctx.stderr.write("rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n")
        status = 1
        continue
      }
      let type: string
      try {
        type = ctx.fs.lstat(path).type
      } catch (e) {
        if (!f.f) await fail(op, e)
        continue
      }
      try {
        if (type === 'dir') {
          if (recursive) {
            if (f.v) await removeTree(op, path)
            else ctx.fs.rm(path, { recursive: true, force: true })
          } else if (f.d) {
            ctx.fs.rmdir(path)
            if (f.v) await ctx.stdout.write(`removed directory '${op}'\n`)
          } else {
            await ctx.stderr.write(`rm: cannot remove '${op}': Is a directory\n`)
            status = 1
          }
        } else {
          ctx.fs.unlink(path)
          if (f.v) await ctx.stdout.write(`removed '${op}'\n`)
        }
      } catch (e) {
        await fail(op, e)
      }
    }
    return status
  },
})
