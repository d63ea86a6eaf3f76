/** ls: list directory contents (GNU layout: -l columns, -R sections, columns on a terminal). */
import type { FileStat } from '../vfs/types.js'
import { defineCommand } from './define-command.js'
import { describeError } from './lib/errors.js'
import { blocksOf, columns, humanSize, lsDate, modeString } from './lib/format.js'
import { joinPath } from './lib/path.js'
import { nameLookup } from './lib/users.js'

interface Entry {
  /** Name as shown (operand text, or the directory entry name). */
  name: string
  path: string
  st: FileStat
  /** For a symlink under -l: its target, and the target's stat when it resolves. */
  target?: string
}

export default defineCommand({
  name: 'ls',
  usage: 'ls [OPTION]... [FILE]...',
  description: 'List information about the FILEs (the current directory by default), sorted alphabetically.',
  usageStatus: 2,
  flags: {
    a: { type: 'boolean', long: 'all', description: 'do not ignore entries starting with .' },
    A: { type: 'boolean', long: 'almost-all', description: 'do not list implied . and ..' },
    l: { type: 'boolean', description: 'use a long listing format' },
    h: { type: 'boolean', long: 'human-readable', description: 'with -l, print sizes like 1K 234M 2G' },
    R: { type: 'boolean', long: 'recursive', description: 'list subdirectories recursively' },
    one: { type: 'boolean', short: '1', description: 'list one file per line' },
    t: { type: 'boolean', description: 'sort by time, newest first' },
    S: { type: 'boolean', description: 'sort by file size, largest first' },
    r: { type: 'boolean', long: 'reverse', description: 'reverse order while sorting' },
    d: { type: 'boolean', long: 'directory', description: 'list directories themselves, not their contents' },
    F: { type: 'boolean', long: 'classify', description: 'append indicator (one of */@) to entries' },
    p: { type: 'boolean', description: 'append / indicator to directories' },
    i: { type: 'boolean', long: 'inode', description: 'print the index number of each file' },
    n: { type: 'boolean', long: 'numeric-uid-gid', description: 'like -l, but list numeric user and group IDs' },
    g: { type: 'boolean', description: 'like -l, but do not list owner' },
    o: { type: 'boolean', description: 'like -l, but do not list group information' },
    U: { type: 'boolean', description: 'do not sort; list entries in directory order' },
    C: { type: 'boolean', description: 'list entries by columns' },
    color: { type: 'string', optionalValue: true, arg: 'WHEN', description: "color the output: 'always', 'auto' (when writing to a terminal) or 'never'" },
  },
  async run(ctx) {
    const f = ctx.flags
    const long = f.l || f.n || f.g || f.o
    const names = nameLookup(ctx.fs)
    const now = Date.now()
    const oneLine = f.one || long || (!ctx.stdout.isTTY && !f.C)
    const width = ctx.terminal?.cols ?? (Number(ctx.env.get('COLUMNS')) || 80)
    let status = 0

    const statOf = (path: string, follow: boolean): FileStat => (follow ? ctx.fs.stat(path) : ctx.fs.lstat(path))
    const sortEntries = (list: Entry[]): Entry[] => {
      if (f.U) return list
      const byName = (a: Entry, b: Entry) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0)
      const sorted = [...list].sort((a, b) => {
        if (f.S && a.st.size !== b.st.size) return b.st.size - a.st.size
        if (f.t && !f.S && a.st.mtimeMs !== b.st.mtimeMs) return b.st.mtimeMs - a.st.mtimeMs
        return byName(a, b)
      })
      return f.r ? sorted.reverse() : sorted
    }
    const when = ctx.flags.color === undefined ? (ctx.order.includes('color') ? 'always' : 'never') : ctx.flags.color
    const colored = when === 'always' || when === 'yes' || when === 'force' || ((when === 'auto' || when === 'tty' || when === 'if-tty') && ctx.stdout.isTTY)
    // GNU's default LS_COLORS for the kinds a sandbox has.
    const paint = (e: Entry, text: string): string => {
      if (!colored) return text
      const code = e.st.type === 'dir' ? (e.st.mode & 0o1002 ? '30;42' : '01;34') : e.st.type === 'symlink' ? '01;36' : e.st.mode & 0o111 ? '01;32' : ''
      return code ? `\x1b[${code}m${text}\x1b[0m` : text
    }
    const indicator = (e: Entry): string => {
      if (!(f.F || f.p)) return ''
      if (e.st.type === 'dir') return '/'
      if (!f.F) return ''
      if (e.st.type === 'symlink') return long ? '' : '@'
      return e.st.mode & 0o111 ? '*' : ''
    }
    const sizeOf = (st: FileStat) => (st.type === 'dir' ? 4096 : st.size)

    const render = async (list: Entry[], withTotal: boolean) => {
      if (!long) {
        const items = list.map((e) => `${f.i ? `${e.st.ino} ` : ''}${e.name}${indicator(e)}`)
        // Widths come from the plain names; colour codes are added when printing.
        const shown = (k: number) => (colored ? `${f.i ? `${(list[k] as Entry).st.ino} ` : ''}${paint(list[k] as Entry, (list[k] as Entry).name)}${indicator(list[k] as Entry)}` : (items[k] as string))
        await ctx.stdout.write(oneLine ? items.map((_, k) => `${shown(k)}\n`).join('') : columns(items, width, 8, shown))
        return
      }
      if (withTotal) {
        const blocks = list.reduce((n, e) => n + blocksOf(e.st.type, sizeOf(e.st)), 0) / 2
        await ctx.stdout.write(`total ${f.h ? humanSize(blocks * 1024) : blocks}\n`)
      }
      const rows = list.map((e) => ({
        ino: String(e.st.ino),
        mode: modeString(e.st.type, e.st.mode),
        nlink: String(e.st.nlink),
        user: f.n ? String(e.st.uid) : names.user(e.st.uid),
        group: f.n ? String(e.st.gid) : names.group(e.st.gid),
        size: f.h ? humanSize(sizeOf(e.st)) : String(sizeOf(e.st)),
        date: lsDate(e.st.mtimeMs, now),
        name: paint(e, e.name) + indicator(e) + (e.target !== undefined ? ` -> ${e.target}` : ''),
      }))
      const w = (k: keyof (typeof rows)[number]) => Math.max(...rows.map((r) => r[k].length))
      const [wi, wl, wu, wg, ws] = [w('ino'), w('nlink'), w('user'), w('group'), w('size')]
      let out = ''
      for (const r of rows) {
        out += `${f.i ? `${r.ino.padStart(wi)} ` : ''}${r.mode} ${r.nlink.padStart(wl)} `
        if (!f.g) out += `${r.user.padEnd(wu)} `
        if (!f.o) out += `${r.group.padEnd(wg)} `
        out += `${r.size.padStart(ws)} ${r.date} ${r.name}\n`
      }
      await ctx.stdout.write(out)
    }

    const entryFor = (name: string, path: string, st: FileStat): Entry => {
      const e: Entry = { name, path, st }
      if (long && st.type === 'symlink') e.target = ctx.fs.readlink(path)
      return e
    }

    const listDir = async (shown: string, path: string, header: boolean, first: boolean): Promise<void> => {
      if (ctx.signal.aborted) return
      let children: Entry[]
      try {
        children = ctx.fs
          .readdir(path)
          .filter((d) => f.a || f.A || !d.name.startsWith('.'))
          .map((d) => {
            const p = joinPath(path, d.name)
            return entryFor(d.name, p, ctx.fs.lstat(p))
          })
      } catch (e) {
        await ctx.stderr.write(`ls: cannot open directory '${shown}': ${describeError(e)}\n`)
        status = Math.max(status, 1)
        return
      }
      if (f.a) {
        children.push(entryFor('.', path, ctx.fs.stat(path)))
        children.push(entryFor('..', path, ctx.fs.stat(path === '/' ? '/' : joinPath(path, '..'))))
      }
      const sorted = sortEntries(children)
      if (header) await ctx.stdout.write(`${first ? '' : '\n'}${shown}:\n`)
      await render(sorted, true)
      if (f.R) {
        for (const c of sorted) {
          if (c.st.type === 'dir' && c.name !== '.' && c.name !== '..') {
            await listDir(shown.endsWith('/') ? `${shown}${c.name}` : `${shown}/${c.name}`, c.path, true, false)
          }
        }
      }
    }

    const operands = ctx.args.length === 0 ? ['.'] : ctx.args
    const files: Entry[] = []
    const dirs: Entry[] = []
    for (const op of operands) {
      const path = ctx.resolve(op)
      let st: FileStat
      try {
        st = ctx.fs.lstat(path)
        // Command-line symlinks to directories are followed unless -l, -d or -F.
        if (st.type === 'symlink' && !(long || f.d || f.F)) {
          try {
            st = statOf(path, true)
          } catch {
            // Dangling link: list the link itself.
          }
        }
      } catch (e) {
        await ctx.stderr.write(`ls: cannot access '${op}': ${describeError(e)}\n`)
        status = 2
        continue
      }
      const e = entryFor(op, path, st)
      if (st.type === 'dir' && !f.d) dirs.push(e)
      else files.push(e)
    }
    if (files.length > 0) await render(sortEntries(files), false)
    const sortedDirs = sortEntries(dirs)
    const headers = f.R || operands.length > 1 || files.length > 0 || status !== 0
    for (let i = 0; i < sortedDirs.length; i++) {
      const d = sortedDirs[i] as Entry
      await listDir(d.name, d.path, headers, i === 0 && files.length === 0)
    }
    return status
  },
})
