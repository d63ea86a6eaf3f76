/** du: disk usage per directory (4 KiB allocation units, like ext4), -s, -h, -a, -c, -d. */
import { defineCommand } from './define-command.js'
import { describeError } from './lib/errors.js'
import { blocksOf, humanSize } from './lib/format.js'
import { sortedChildren } from './lib/fsutil.js'
import { joinPath } from './lib/path.js'

export default defineCommand({
  name: 'du',
  usage: 'du [OPTION]... [FILE]...',
  description: 'Summarize device usage of the set of FILEs, recursively for directories.',
  flags: {
    a: { type: 'boolean', long: 'all', description: 'write counts for all files, not just directories' },
    s: { type: 'boolean', long: 'summarize', description: 'display only a total for each argument' },
    h: { type: 'boolean', long: 'human-readable', description: 'print sizes in human readable format (e.g., 1K 234M 2G)' },
    c: { type: 'boolean', long: 'total', description: 'produce a grand total' },
    d: { type: 'number', long: 'max-depth', arg: 'N', description: 'print the total for a directory only if it is N or fewer levels below the argument' },
    k: { type: 'boolean', description: 'like --block-size=1K' },
    m: { type: 'boolean', description: 'like --block-size=1M' },
    b: { type: 'boolean', long: 'bytes', description: 'print apparent sizes in bytes' },
  },
  async run(ctx) {
    const f = ctx.flags
    const fmt = (kib: number, bytes: number) => (f.b ? String(bytes) : f.h ? humanSize(kib * 1024) : f.m ? String(Math.ceil(kib / 1024)) : String(kib))
    let status = 0
    let out = ''
    let totalK = 0
    let totalB = 0
    const seen = new Set<number>()
    const walk = async (shown: string, path: string, depth: number, top: boolean): Promise<[number, number]> => {
      const st = top ? ctx.fs.stat(path) : ctx.fs.lstat(path)
      // Hard links count once, as in GNU du.
      if (seen.has(st.ino)) return [0, 0]
      seen.add(st.ino)
      let k = blocksOf(st.type, st.type === 'dir' ? 4096 : st.size) / 2
      let b = st.type === 'dir' ? 4096 : st.size
      if (st.type === 'dir') {
        for (const name of sortedChildren(ctx.fs, path)) {
          if (ctx.signal.aborted) break
          const [ck, cb] = await walk(joinPath(shown, name), joinPath(path, name), depth + 1, false)
          k += ck
          b += cb
        }
      }
      const show = (st.type === 'dir' || f.a || top) && (f.s ? top : f.d === undefined || depth <= f.d)
      if (show) out += `${fmt(k, b)}\t${shown}\n`
      if (out.length > 32768) {
        await ctx.stdout.write(out)
        out = ''
      }
      return [k, b]
    }
    for (const op of ctx.args.length === 0 ? ['.'] : ctx.args) {
      try {
        const [k, b] = await walk(op, ctx.resolve(op), 0, true)
        totalK += k
        totalB += b
      } catch (e) {
        await ctx.stderr.write(`du: cannot access '${op}': ${describeError(e)}\n`)
        status = 1
      }
    }
    if (f.c) out += `${fmt(totalK, totalB)}\ttotal\n`
    await ctx.stdout.write(out)
    return status
  },
})
