/** mv: move or rename files and directories (-f, -n, -v, -T, -t). */
import { defineCommand } from './define-command.js'
import { describeError } from './lib/errors.js'
import { isInside, tryLstat } from './lib/fsutil.js'
import { baseName, joinPath } from './lib/path.js'
import { targetOperands } from './lib/target-operands.js'

export default defineCommand({
  name: 'mv',
  usage: 'mv [OPTION]... SOURCE... DEST',
  description: 'Rename SOURCE to DEST, or move SOURCE(s) to DIRECTORY.',
  flags: {
    f: { type: 'boolean', long: 'force', description: 'do not prompt before overwriting' },
    n: { type: 'boolean', long: 'no-clobber', description: 'do not overwrite an existing file' },
    i: { type: 'boolean', long: 'interactive', description: 'prompt before overwrite (treated as -n without a terminal)' },
    v: { type: 'boolean', long: 'verbose', description: 'explain what is being done' },
    T: { type: 'boolean', long: 'no-target-directory', description: 'treat DEST as a normal file' },
    t: { type: 'string', long: 'target-directory', arg: 'DIRECTORY', description: 'move all SOURCE arguments into DIRECTORY' },
    u: { type: 'boolean', long: 'update', description: 'move only when the SOURCE file is newer than the destination' },
  },
  async run(ctx) {
    const f = ctx.flags
    const operands = await targetOperands(ctx, 'mv', { targetDir: f.t, noTargetDir: Boolean(f.T) })
    if (!operands) return 1
    const { ops, targetDir } = operands
    const sources = targetDir !== undefined ? ops : [ops[0] as string]
    let status = 0
    for (const op of sources) {
      const src = ctx.resolve(op)
      const shownDst = targetDir !== undefined ? joinPath(targetDir, baseName(op)) : (ops[1] as string)
      const dst = ctx.resolve(shownDst)
      const st = tryLstat(ctx.fs, src)
      if (!st) {
        await ctx.stderr.write(`mv: cannot stat '${op}': No such file or directory\n`)
        status = 1
        continue
      }
      const existing = tryLstat(ctx.fs, dst)
      if (existing && existing.ino === st.ino) {
        await ctx.stderr.write(`mv: '${op}' and '${shownDst}' are the same file\n`)
        status = 1
        continue
      }
      if (st.type === 'dir' && isInside(dst, src)) {
        await ctx.stderr.write(`mv: cannot move '${op}' to a subdirectory of itself, '${shownDst}'\n`)
        status = 1
        continue
      }
      if (existing && (f.n || f.i)) continue
      if (existing && f.u && existing.mtimeMs >= st.mtimeMs) continue
      if (existing?.type === 'dir' && st.type !== 'dir') {
        await ctx.stderr.write(`mv: cannot overwrite directory '${shownDst}' with non-directory\n`)
        status = 1
        continue
      }
      if (existing && existing.type !== 'dir' && st.type === 'dir') {
        await ctx.stderr.write(`mv: cannot overwrite non-directory '${shownDst}' with directory '${op}'\n`)
        status = 1
        continue
      }
      try {
        ctx.fs.rename(src, dst)
        if (f.v) await ctx.stdout.write(`renamed '${op}' -> '${shownDst}'\n`)
      } catch (e) {
        await ctx.stderr.write(`mv: cannot move '${op}' to '${shownDst}': ${describeError(e)}\n`)
        status = 1
      }
    }
    return status
  },
})
