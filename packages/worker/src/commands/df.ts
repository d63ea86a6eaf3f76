/** df: the sandbox filesystem's size, use and free space (one SQLite-backed filesystem at /). */
import { defineCommand } from './define-command.js'
import { humanSize } from './lib/format.js'

export default defineCommand({
  name: 'df',
  usage: 'df [OPTION]... [FILE]...',
  description: 'Show information about the file system on which each FILE resides, or all file systems by default.',
  flags: {
    h: { type: 'boolean', long: 'human-readable', description: 'print sizes in powers of 1024 (e.g., 1023M)' },
    H: { type: 'boolean', long: 'si', description: 'print sizes in powers of 1000 (e.g., 1.1G)' },
    k: { type: 'boolean', description: 'like --block-size=1K' },
    i: { type: 'boolean', long: 'inodes', description: 'list inode information instead of block usage' },
    T: { type: 'boolean', long: 'print-type', description: 'print file system type' },
  },
  async run(ctx) {
    const u = ctx.fs.usage()
    for (const op of ctx.args) {
      if (!ctx.fs.exists(ctx.resolve(op))) {
        await ctx.stderr.write(`df: ${op}: No such file or directory\n`)
        return 1
      }
    }
    const f = ctx.flags
    const size = u.quotaBytes
    const used = u.bytes
    const avail = Math.max(0, size - used)
    const pct = size > 0 ? `${Math.ceil((used / size) * 100)}%` : '-'
    const human = f.h || f.H
    const fmt = (n: number) => (human ? humanSize(n, { si: f.H }) : String(Math.ceil(n / 1024)))
    const rows: string[][] = [
      f.i
        ? ['Filesystem', ...(f.T ? ['Type'] : []), 'Inodes', 'IUsed', 'IFree', 'IUse%', 'Mounted on']
        : ['Filesystem', ...(f.T ? ['Type'] : []), human ? 'Size' : '1K-blocks', 'Used', human ? 'Avail' : 'Available', 'Use%', 'Mounted on'],
      f.i
        ? ['nimbus', ...(f.T ? ['sqlite'] : []), '-', String(u.inodes), '-', '-', '/']
        : ['nimbus', ...(f.T ? ['sqlite'] : []), fmt(size), fmt(used), fmt(avail), pct, '/'],
    ]
    const widths = (rows[0] as string[]).map((_, i) => Math.max(...rows.map((r) => (r[i] as string).length)))
    const out = rows
      .map((r) => r.map((c, i) => (i === 0 || i === r.length - 1 || (f.T && i === 1) ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number))).join(' ').trimEnd())
      .join('\n')
    await ctx.stdout.write(`${out}\n`)
    return 0
  },
})
