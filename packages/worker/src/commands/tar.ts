/** tar: create (-c), extract (-x) and list (-t) archives, gzip-compressed with -z (detected on read). */
import { defineCommand } from './define-command.js'
import { describeError } from './lib/errors.js'
import { gunzip, gzip, isGzip } from './lib/compress.js'
import { modeString } from './lib/format.js'
import { sortedChildren } from './lib/fsutil.js'
import { globToRegExp } from './lib/glob.js'
import { strftime } from './lib/strftime.js'
import { type TarEntry, TarFormatError, readTar, writeTar } from './lib/tar-format.js'
import { nameLookup } from './lib/users.js'

interface TarOpts {
  mode?: 'c' | 'x' | 't'
  file?: string
  dir?: string
  z: boolean
  v: boolean
  toStdout: boolean
  strip: number
  exclude: string[]
  keepOld: boolean
  operands: string[]
}

const LONG_WITH_ARG = new Set(['file', 'directory', 'exclude', 'strip-components'])

/** GNU tar's three option styles: old (`czf a.tgz`), short (`-czf a.tgz`) and long (`--file=a.tgz`). */
const parseArgs = (args: string[]): TarOpts | string => {
  const o: TarOpts = { z: false, v: false, toStdout: false, strip: 0, exclude: [], keepOld: false, operands: [] }
  const queue = [...args]
  const apply = (letter: string, take: () => string | undefined): string | null => {
    switch (letter) {
      case 'c':
      case 'x':
      case 't':
        if (o.mode && o.mode !== letter) return 'You may not specify more than one \'-Acdtrux\', \'--delete\' or  \'--test-label\' option'
        o.mode = letter
        return null
      case 'z':
        o.z = true
        return null
      case 'v':
        o.v = true
        return null
      case 'O':
        o.toStdout = true
        return null
      case 'k':
        o.keepOld = true
        return null
      case 'p':
      case 'h':
        return null
      case 'f': {
        const v = take()
        if (v === undefined) return "option requires an argument -- 'f'"
        o.file = v
        return null
      }
      case 'C': {
        const v = take()
        if (v === undefined) return "option requires an argument -- 'C'"
        o.dir = v
        return null
      }
      default:
        return `invalid option -- '${letter}'`
    }
  }
  let first = true
  while (queue.length > 0) {
    const a = queue.shift() as string
    if (a === '--') {
      o.operands.push(...queue)
      break
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=')
      const name = eq === -1 ? a.slice(2) : a.slice(2, eq)
      let value = eq === -1 ? undefined : a.slice(eq + 1)
      if (LONG_WITH_ARG.has(name) && value === undefined) value = queue.shift()
      const map: Record<string, string> = { create: 'c', extract: 'x', get: 'x', list: 't', gzip: 'z', gunzip: 'z', verbose: 'v', 'to-stdout': 'O', 'keep-old-files': 'k' }
      if (name === 'file') o.file = value
      else if (name === 'directory') o.dir = value
      else if (name === 'exclude') o.exclude.push(value ?? '')
      else if (name === 'strip-components') o.strip = Number(value ?? 0)
      else if (map[name]) apply(map[name] as string, () => undefined)
      else return `unrecognized option '${a}'`
      first = false
      continue
    }
    if (a.startsWith('-') && a.length > 1) {
      for (let i = 1; i < a.length; i++) {
        const letter = a[i] as string
        const rest = a.slice(i + 1)
        let consumed = false
        const err = apply(letter, () => {
          consumed = true
          return rest !== '' ? rest : queue.shift()
        })
        if (err) return err
        if (consumed) break
      }
      first = false
      continue
    }
    if (first && /^[cxtzvfCOkp]+$/.test(a)) {
      for (const letter of a) {
        const err = apply(letter, () => queue.shift())
        if (err) return err
      }
      first = false
      continue
    }
    first = false
    o.operands.push(a)
  }
  return o
}

export default defineCommand({
  name: 'tar',
  usage: 'tar {c|x|t}[zvf] [ARCHIVE] [FILE]...',
  description: 'Create, extract or list tar archives (gzip with -z).',
  rawArgs: true,
  helpFooter:
    'Options:\n  -c, --create            create a new archive\n  -x, --extract           extract files from an archive\n  -t, --list              list the contents of an archive\n  -f, --file=ARCHIVE      use archive file ARCHIVE (- for stdin/stdout)\n  -z, --gzip              filter the archive through gzip\n  -v, --verbose           verbosely list files processed\n  -C, --directory=DIR     change to directory DIR\n  -O, --to-stdout         extract files to standard output\n      --strip-components=N  strip N leading components from file names on extraction\n      --exclude=PATTERN   exclude files matching PATTERN',
  async run(ctx) {
    const o = parseArgs(ctx.args)
    if (typeof o === 'string') {
      await ctx.stderr.write(`tar: ${o}\nTry 'tar --help' or 'tar --usage' for more information.\n`)
      return 2
    }
    if (!o.mode) {
      await ctx.stderr.write("tar: You must specify one of the '-Acdtrux', '--delete' or '--test-label' options\nTry 'tar --help' or 'tar --usage' for more information.\n")
      return 2
    }
    const base = o.dir !== undefined ? ctx.resolve(o.dir) : ctx.cwd
    const at = (p: string) => (p.startsWith('/') ? p : base === '/' ? `/${p}` : `${base}/${p}`)
    const archive = o.file ?? '-'
    const names = nameLookup(ctx.fs)
    const excluded = (name: string) => o.exclude.some((g) => globToRegExp(g).test(name) || globToRegExp(g).test(name.split('/').pop() ?? ''))
    let status = 0
    const verboseOut = archive === '-' && o.mode === 'c' ? ctx.stderr : ctx.stdout

    if (o.mode === 'c') {
      if (o.operands.length === 0) {
        await ctx.stderr.write('tar: Cowardly refusing to create an empty archive\nTry \'tar --help\' or \'tar --usage\' for more information.\n')
        return 2
      }
      const entries: TarEntry[] = []
      let warnedSlash = false
      const add = async (name: string, path: string): Promise<void> => {
        if (excluded(name)) return
        let st
        try {
          st = ctx.fs.lstat(path)
        } catch (e) {
          await ctx.stderr.write(`tar: ${name}: Cannot stat: ${describeError(e)}\n`)
          status = 2
          return
        }
        let member = name
        if (member.startsWith('/')) {
          if (!warnedSlash) await ctx.stderr.write("tar: Removing leading `/' from member names\n")
          warnedSlash = true
          member = member.replace(/^\/+/, '')
        }
        const common = { mode: st.mode, uid: st.uid, gid: st.gid, uname: names.user(st.uid), gname: names.group(st.gid), mtimeMs: st.mtimeMs, linkname: '', data: new Uint8Array(0) }
        if (st.type === 'dir') {
          const dirName = member.endsWith('/') ? member : `${member}/`
          entries.push({ ...common, name: dirName, type: 'dir' })
          if (o.v) await verboseOut.write(`${dirName}\n`)
          for (const child of sortedChildren(ctx.fs, path)) await add(name.endsWith('/') ? `${name}${child}` : `${name}/${child}`, `${path}/${child}`)
        } else if (st.type === 'symlink') {
          entries.push({ ...common, name: member, type: 'symlink', linkname: ctx.fs.readlink(path) })
          if (o.v) await verboseOut.write(`${member}\n`)
        } else {
          entries.push({ ...common, name: member, type: 'file', data: ctx.fs.readFile(path) })
          if (o.v) await verboseOut.write(`${member}\n`)
        }
      }
      for (const op of o.operands) await add(op, at(op))
      let bytes = writeTar(entries)
      if (o.z) bytes = await gzip(bytes)
      if (archive === '-') await ctx.stdout.write(bytes)
      else {
        try {
          ctx.fs.writeFile(ctx.resolve(archive), bytes)
        } catch (e) {
          await ctx.stderr.write(`tar: ${archive}: Cannot open: ${describeError(e)}\ntar: Error is not recoverable: exiting now\n`)
          return 2
        }
      }
      if (status !== 0) await ctx.stderr.write('tar: Exiting with failure status due to previous errors\n')
      return status
    }

    let data: Uint8Array
    if (archive === '-') data = await ctx.stdin.readAll()
    else {
      try {
        data = ctx.fs.readFile(ctx.resolve(archive))
      } catch (e) {
        await ctx.stderr.write(`tar: ${archive}: Cannot open: ${describeError(e)}\ntar: Error is not recoverable: exiting now\n`)
        return 2
      }
    }
    let entries: TarEntry[]
    try {
      if (isGzip(data)) data = await gunzip(data)
      else if (o.z) throw new TarFormatError('not in gzip format')
      entries = readTar(data)
    } catch (e) {
      if (e instanceof TarFormatError || (e instanceof Error && e.name !== 'AbortError')) {
        await ctx.stderr.write(`tar: This does not look like a tar archive\ntar: Exiting with failure status due to previous errors\n`)
        return 2
      }
      throw e
    }
    const wanted = o.operands.map((op) => op.replace(/\/+$/, ''))
    const selected = (name: string) => wanted.length === 0 || wanted.some((w) => name === w || name.startsWith(`${w}/`) || name === `${w}/`)
    const seen = new Set<string>()
    let out = ''
    for (const e of entries) {
      if (!selected(e.name.replace(/\/+$/, '')) || excluded(e.name)) continue
      for (const w of wanted) if (e.name === w || e.name.startsWith(`${w}/`) || e.name === `${w}/`) seen.add(w)
      if (o.mode === 't') {
        if (o.v) {
          const owner = `${e.uname || e.uid}/${e.gname || e.gid}`
          const size = String(e.type === 'file' ? e.data.length : 0)
          const ugs = `${owner} ${size.padStart(Math.max(1, 19 - owner.length - 1))}`
          const link = e.type === 'symlink' ? ` -> ${e.linkname}` : e.type === 'hardlink' ? ` link to ${e.linkname}` : ''
          out += `${modeString(e.type === 'hardlink' ? 'file' : e.type, e.mode)} ${ugs} ${strftime('%Y-%m-%d %H:%M', e.mtimeMs)} ${e.name}${link}\n`
        } else out += `${e.name}\n`
        continue
      }
      const parts = e.name.split('/').filter(Boolean)
      if (parts.length <= o.strip) continue
      const rel = parts.slice(o.strip).join('/')
      if (o.toStdout) {
        if (e.type === 'file') {
          await ctx.stdout.write(out)
          out = ''
          await ctx.stdout.write(e.data)
        }
        continue
      }
      if (o.v) out += `${e.name}\n`
      const dest = at(rel)
      try {
        const parent = dest.slice(0, dest.lastIndexOf('/')) || '/'
        if (!ctx.fs.exists(parent)) ctx.fs.mkdir(parent, { recursive: true })
        if (e.type === 'dir') {
          if (!ctx.fs.exists(dest)) ctx.fs.mkdir(dest, { recursive: true })
          ctx.fs.chmod(dest, e.mode)
        } else if (e.type === 'symlink') {
          if (ctx.fs.exists(dest) || isLink(ctx.fs, dest)) ctx.fs.unlink(dest)
          ctx.fs.symlink(e.linkname, dest)
          continue
        } else if (e.type === 'hardlink') {
          if (ctx.fs.exists(dest)) ctx.fs.unlink(dest)
          ctx.fs.link(at(e.linkname.split('/').filter(Boolean).slice(o.strip).join('/')), dest)
          continue
        } else {
          if (o.keepOld && ctx.fs.exists(dest)) {
            await ctx.stderr.write(`tar: ${e.name}: Cannot open: File exists\n`)
            status = 2
            continue
          }
          if (isLink(ctx.fs, dest)) ctx.fs.unlink(dest)
          ctx.fs.writeFile(dest, e.data)
          ctx.fs.chmod(dest, e.mode)
        }
        ctx.fs.utimes(dest, e.mtimeMs, e.mtimeMs)
      } catch (err) {
        await ctx.stderr.write(`tar: ${e.name}: Cannot open: ${describeError(err)}\n`)
        status = 2
      }
    }
    await ctx.stdout.write(out)
    for (const w of wanted) {
      if (!seen.has(w)) {
        await ctx.stderr.write(`tar: ${w}: Not found in archive\n`)
        status = 2
      }
    }
    if (status !== 0) await ctx.stderr.write('tar: Exiting with failure status due to previous errors\n')
    return status
  },
})

const isLink = (fs: { lstat(p: string): { type: string } }, p: string): boolean => {
  try {
    return fs.lstat(p).type === 'symlink'
  } catch {
    return false
  }
}
