/** ln: make hard or symbolic links (-s, -f, -n, -v, -r relative). */
import { defineCommand } from './define-command.js'
import { describeError } from './lib/errors.js'
import { tryLstat, tryStat } from './lib/fsutil.js'
import { baseName, dirName, joinPath } from './lib/path.js'

/** Path of `to` relative to directory `fromDir` (both absolute). */
const relative = (fromDir: string, to: string): string => {
  const a = fromDir.split('/').filter(Boolean)
  const b = to.split('/').filter(Boolean)
  let i = 0
  while (i < a.length && i < b.length && a[i] === b[i]) i++
  return [...a.slice(i).map(() => '..'), ...b.slice(i)].join('/') || '.'
}

export default defineCommand({
  name: 'ln',
  usage: 'ln [OPTION]... TARGET... LINK_NAME',
  description: 'Create a link to TARGET with the name LINK_NAME, or links in DIRECTORY. Hard links by default, symbolic links with --symbolic.',
  flags: {
    s: { type: 'boolean', long: 'symbolic', description: 'make symbolic links instead of hard links' },
    f: { type: 'boolean', long: 'force', description: 'remove existing destination files' },
    n: { type: 'boolean', long: 'no-dereference', description: 'treat LINK_NAME as a normal file if it is a symbolic link to a directory' },
    v: { type: 'boolean', long: 'verbose', description: 'print name of each linked file' },
    r: { type: 'boolean', long: 'relative', description: 'with -s, create links relative to link location' },
    T: { type: 'boolean', long: 'no-target-directory', description: 'treat LINK_NAME as a normal file always' },
  },
  async run(ctx) {
    const f = ctx.flags
    const ops = [...ctx.args]
    if (ops.length === 0) {
      await ctx.stderr.write("ln: missing file operand\nTry 'ln --help' for more information.\n")
      return 1
    }
    let dir: string | undefined
    if (ops.length === 1) dir = '.'
    else if (!f.T) {
      const last = ops[ops.length - 1] as string
      const isDir = f.n ? tryLstat(ctx.fs, ctx.resolve(last))?.type === 'dir' : tryStat(ctx.fs, ctx.resolve(last))?.type === 'dir'
      if (ops.length > 2 || isDir) dir = ops.pop()
    }
    if (dir !== undefined && ops.length > 1 && tryStat(ctx.fs, ctx.resolve(dir))?.type !== 'dir') {
      await ctx.stderr.write(`ln: target '${dir}' is not a directory\n`)
      return 1
    }
    const pairs: Array<[string, string]> = dir !== undefined ? ops.map((t) => [t, dir === '.' ? baseName(t) : joinPath(dir as string, baseName(t))]) : [[ops[0] as string, ops[1] as string]]
    let status = 0
    for (const [target, name] of pairs) {
      const path = ctx.resolve(name)
      try {
        if (tryLstat(ctx.fs, path)) {
          if (!f.f) {
            await ctx.stderr.write(`ln: failed to create ${f.s ? 'symbolic' : 'hard'} link '${name}': File exists\n`)
            status = 1
            continue
          }
          ctx.fs.unlink(path)
        }
        if (f.s) {
          const t = f.r ? relative(dirName(path), ctx.resolve(target)) : target
          ctx.fs.symlink(t, path)
        } else {
          const src = ctx.resolve(target)
          const st = tryLstat(ctx.fs, src)
          if (!st) {
            await ctx.stderr.write(`ln: failed to access '${target}': No such file or directory\n`)
            status = 1
            continue
          }
          if (st.type === 'dir') {
            await ctx.stderr.write(`ln: ${target}: hard link not allowed for directory\n`)
            status = 1
            continue
          }
          ctx.fs.link(src, path)
        }
        if (f.v) await ctx.stdout.write(`'${name}' ${f.s ? '->' : '=>'} '${target}'\n`)
      } catch (e) {
        await ctx.stderr.write(`ln: failed to create ${f.s ? 'symbolic' : 'hard'} link '${name}': ${describeError(e)}\n`)
        status = 1
      }
    }
    return status
  },
})
