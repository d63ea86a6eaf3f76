/** tee: copy standard input to standard output and to files, streaming. */
import { VfsError } from '../vfs/types.js'
import { defineCommand } from './define-command.js'
import { describeError } from './lib/errors.js'

export default defineCommand({
  name: 'tee',
  usage: 'tee [OPTION]... [FILE]...',
  description: 'Copy standard input to each FILE, and also to standard output.',
  flags: {
    a: { type: 'boolean', long: 'append', description: 'append to the given FILEs, do not overwrite' },
    i: { type: 'boolean', long: 'ignore-interrupts', description: 'ignore interrupt signals' },
    p: { type: 'boolean', description: 'diagnose errors writing to non pipes' },
  },
  async run(ctx) {
    let status = 0
    const targets: Array<{ name: string; path: string }> = []
    for (const op of ctx.args) {
      const path = ctx.resolve(op)
      try {
        if (ctx.fs.exists(path) && ctx.fs.stat(path).type === 'dir') throw new VfsError('EISDIR', path)
        ctx.fs.writeFile(path, new Uint8Array(0), { append: ctx.flags.a })
        targets.push({ name: op, path })
      } catch (e) {
        await ctx.stderr.write(`tee: ${op}: ${describeError(e)}\n`)
        status = 1
      }
    }
    for (let chunk = await ctx.stdin.read(); chunk !== null; chunk = await ctx.stdin.read()) {
      for (const t of targets) ctx.fs.writeFile(t.path, chunk, { append: true })
      await ctx.stdout.write(chunk)
      if (ctx.signal.aborted && !ctx.flags.i) return 130
    }
    return status
  },
})
