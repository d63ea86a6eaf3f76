/** stat: file status in GNU's default layout, or through -c/--printf formats. */
import type { FileStat } from '../vfs/types.js'
import { defineCommand } from './define-command.js'
import { describeError } from './lib/errors.js'
import { blocksOf, modeString, statDate } from './lib/format.js'
import { nameLookup } from './lib/users.js'

const TYPE_NAME = (st: FileStat) => (st.type === 'dir' ? 'directory' : st.type === 'symlink' ? 'symbolic link' : st.size === 0 ? 'regular empty file' : 'regular file')

export default defineCommand({
  name: 'stat',
  usage: 'stat [OPTION]... FILE...',
  description: 'Display file or file system status.',
  flags: {
    L: { type: 'boolean', long: 'dereference', description: 'follow links' },
    c: { type: 'string', long: 'format', arg: 'FORMAT', description: 'use the specified FORMAT instead of the default; output a newline after each use of FORMAT' },
    printf: { type: 'string', arg: 'FORMAT', description: 'like --format, but interpret backslash escapes, and do not output a mandatory trailing newline' },
    t: { type: 'boolean', long: 'terse', description: 'print the information in terse form' },
  },
  helpFooter: 'FORMAT sequences: %a %A %b %B %F %g %G %h %i %n %N %o %s %u %U %x %X %y %Y %z %Z %w %W',
  async run(ctx) {
    if (ctx.args.length === 0) {
      await ctx.stderr.write("stat: missing operand\nTry 'stat --help' for more information.\n")
      return 1
    }
    const names = nameLookup(ctx.fs)
    let status = 0
    for (const op of ctx.args) {
      const path = ctx.resolve(op)
      let st: FileStat
      try {
        st = ctx.flags.L ? ctx.fs.stat(path) : ctx.fs.lstat(path)
      } catch (e) {
        await ctx.stderr.write(`stat: cannot statx '${op}': ${describeError(e)}\n`)
        status = 1
        continue
      }
      const size = st.type === 'dir' ? 4096 : st.size
      const blocks = blocksOf(st.type, size)
      const fields: Record<string, () => string> = {
        a: () => (st.mode & 0o7777).toString(8),
        A: () => modeString(st.type, st.mode),
        b: () => String(blocks),
        B: () => '512',
        d: () => '0',
        D: () => '0',
        f: () => ((st.type === 'dir' ? 0o40000 : st.type === 'symlink' ? 0o120000 : 0o100000) | st.mode).toString(16),
        F: () => TYPE_NAME(st),
        g: () => String(st.gid),
        G: () => names.group(st.gid),
        h: () => String(st.nlink),
        i: () => String(st.ino),
        n: () => op,
        N: () => (st.type === 'symlink' ? `'${op}' -> '${ctx.fs.readlink(path)}'` : `'${op}'`),
        o: () => '4096',
        s: () => String(size),
        u: () => String(st.uid),
        U: () => names.user(st.uid),
        x: () => statDate(st.atimeMs),
        X: () => String(Math.floor(st.atimeMs / 1000)),
        y: () => statDate(st.mtimeMs),
        Y: () => String(Math.floor(st.mtimeMs / 1000)),
        z: () => statDate(st.ctimeMs),
        Z: () => String(Math.floor(st.ctimeMs / 1000)),
        w: () => '-',
        W: () => '0',
      }
      const expand = (fmt: string) => fmt.replace(/%([-#+ 0]*\d*)([a-zA-Z%])/g, (m, pad: string, k: string) => {
        if (k === '%') return '%'
        const fn = fields[k]
        if (!fn) return m
        const v = fn()
        const w = Number(pad.replace(/[^\d]/g, '') || 0)
        return pad.startsWith('-') ? v.padEnd(w) : v.padStart(w)
      })
      if (ctx.flags.printf !== undefined) {
        await ctx.stdout.write(expand(ctx.flags.printf.replace(/\\n/g, '\n').replace(/\\t/g, '\t')))
        continue
      }
      if (ctx.flags.c !== undefined) {
        await ctx.stdout.write(`${expand(ctx.flags.c)}\n`)
        continue
      }
      if (ctx.flags.t) {
        await ctx.stdout.write(expand('%n %s %b %f %u %g %D %i %h 0 0 %X %Y %Z 0 4096') + '\n')
        continue
      }
      const file = st.type === 'symlink' ? `${op} -> ${ctx.fs.readlink(path)}` : op
      const mode = `(${(st.mode & 0o7777).toString(8).padStart(4, '0')}/${modeString(st.type, st.mode)})`
      await ctx.stdout.write(
        `  File: ${file}\n` +
          `  Size: ${String(size).padEnd(10)}\tBlocks: ${String(blocks).padEnd(10)} IO Block: 4096   ${TYPE_NAME(st)}\n` +
          `Device: 0,0\tInode: ${String(st.ino).padEnd(11)} Links: ${st.nlink}\n` +
          `Access: ${mode}  Uid: (${String(st.uid).padStart(5)}/${names.user(st.uid).padStart(8)})   Gid: (${String(st.gid).padStart(5)}/${names.group(st.gid).padStart(8)})\n` +
          `Access: ${statDate(st.atimeMs)}\nModify: ${statDate(st.mtimeMs)}\nChange: ${statDate(st.ctimeMs)}\n Birth: -\n`,
      )
    }
    return status
  },
})
