/** cp: copy files and directory trees (-r, -a/-p preserve, -n, -f, -v, -T, -L/-P). */
import type { FileStat } from '../vfs/types.js'
import { defineCommand } from './define-command.js'
import { describeError } from './lib/errors.js'
import { isInside, sortedChildren, tryLstat, tryStat } from './lib/fsutil.js'
import { baseName, joinPath } from './lib/path.js'
import { targetOperands } from './lib/target-operands.js'

export default defineCommand({
  name: 'cp',
  usage: 'cp [OPTION]... SOURCE... DEST',
  description: 'Copy SOURCE to DEST, or multiple SOURCE(s) to DIRECTORY.',
  flags: {
    a: { type: 'boolean', long: 'archive', description: 'same as -dR --preserve=all' },
    r: { type: 'boolean', long: 'recursive', description: 'copy directories recursively' },
    R: { type: 'boolean', description: 'same as -r' },
    p: { type: 'boolean', description: 'preserve mode and timestamps' },
    f: { type: 'boolean', long: 'force', description: 'if an existing destination file cannot be opened, remove it and try again' },
    n: { type: 'boolean', long: 'no-clobber', description: 'do not overwrite an existing file' },
    i: { type: 'boolean', long: 'interactive', description: 'prompt before overwrite (treated as -n without a terminal)' },
    v: { type: 'boolean', long: 'verbose', description: 'explain what is being done' },
    T: { type: 'boolean', long: 'no-target-directory', description: 'treat DEST as a normal file' },
    t: { type: 'string', long: 'target-directory', arg: 'DIRECTORY', description: 'copy all SOURCE arguments into DIRECTORY' },
    L: { type: 'boolean', long: 'dereference', description: 'always follow symbolic links in SOURCE' },
    P: { type: 'boolean', long: 'no-dereference', description: 'never follow symbolic links in SOURCE' },
    d: { type: 'boolean', description: 'same as --no-dereference --preserve=links' },
    u: { type: 'boolean', long: 'update', description: 'copy only when the SOURCE file is newer than the destination' },
  },
  async run(ctx) {
    const f = ctx.flags
    const recursive = f.r || f.R || f.a
    const preserve = f.p || f.a
    // With -R symlinks are copied as links unless -L; without it they are followed.
    const noDeref = !f.L && (f.P || f.d || f.a || recursive)
    const operands = await targetOperands(ctx, 'cp', { targetDir: f.t, noTargetDir: Boolean(f.T) })
    if (!operands) return 1
    const { ops, targetDir } = operands
    let status = 0
    const fail = async (msg: string) => {
      await ctx.stderr.write(`cp: ${msg}\n`)
      status = 1
    }

    const copyOne = async (src: string, dst: string, shownSrc: string, shownDst: string, top: boolean): Promise<void> => {
      if (ctx.signal.aborted) return
      let st: FileStat
      try {
        st = noDeref || (!top && recursive) ? ctx.fs.lstat(src) : ctx.fs.stat(src)
        if (!noDeref && st.type === 'symlink') st = ctx.fs.stat(src)
      } catch (e) {
        return fail(`cannot stat '${shownSrc}': ${describeError(e)}`)
      }
      const existing = tryLstat(ctx.fs, dst)
      if (st.type === 'dir') {
        if (!recursive) return fail(`-r not specified; omitting directory '${shownSrc}'`)
        if (isInside(ctx.fs.realpath(dst.slice(0, dst.lastIndexOf('/')) || '/') + '/' + baseName(dst), ctx.fs.realpath(src))) {
          return fail(`cannot copy a directory, '${shownSrc}', into itself, '${shownDst}'`)
        }
        if (existing && existing.type !== 'dir') return fail(`cannot overwrite non-directory '${shownDst}' with directory '${shownSrc}'`)
        if (!existing) {
          ctx.fs.mkdir(dst, { mode: st.mode })
          if (f.v) await ctx.stdout.write(`'${shownSrc}' -> '${shownDst}'\n`)
        }
        for (const name of sortedChildren(ctx.fs, src)) {
          await copyOne(joinPath(src, name), joinPath(dst, name), joinPath(shownSrc, name), joinPath(shownDst, name), false)
        }
        if (preserve) {
          ctx.fs.chmod(dst, st.mode)
          ctx.fs.utimes(dst, st.atimeMs, st.mtimeMs)
        }
        return
      }
      if (existing) {
        const dstSt = tryStat(ctx.fs, dst)
        if (dstSt && dstSt.ino === st.ino) return fail(`'${shownSrc}' and '${shownDst}' are the same file`)
        if (existing.type === 'dir') return fail(`cannot overwrite directory '${shownDst}' with non-directory`)
        if (f.n || f.i) return
        if (f.u && dstSt && dstSt.mtimeMs >= st.mtimeMs) return
      }
      try {
        if (st.type === 'symlink') {
          if (existing) ctx.fs.unlink(dst)
          ctx.fs.symlink(ctx.fs.readlink(src), dst)
        } else {
          if (existing?.type === 'symlink' || (existing && f.f)) ctx.fs.unlink(dst)
          ctx.fs.writeFile(dst, ctx.fs.readFile(src), { mode: st.mode })
          if (!existing || existing.type === 'symlink' || f.f) ctx.fs.chmod(dst, st.mode)
          if (preserve) {
            ctx.fs.chmod(dst, st.mode)
            ctx.fs.utimes(dst, st.atimeMs, st.mtimeMs)
          }
        }
        if (f.v) await ctx.stdout.write(`'${shownSrc}' -> '${shownDst}'\n`)
      } catch (e) {
        return fail(`cannot create regular file '${shownDst}': ${describeError(e)}`)
      }
    }

    if (targetDir === undefined) await copyOne(ctx.resolve(ops[0] as string), ctx.resolve(ops[1] as string), ops[0] as string, ops[1] as string, true)
    else {
      for (const op of ops) {
        const name = baseName(op)
        await copyOne(ctx.resolve(op), joinPath(ctx.resolve(targetDir), name), op, joinPath(targetDir, name), true)
      }
    }
    return status
  },
})
