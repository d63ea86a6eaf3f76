/** find: walk directory trees evaluating an expression (tests, -exec, -delete, -prune, -printf). */
import type { FileStat } from '../vfs/types.js'
import { defineCommand } from './define-command.js'
import { describeError, q } from './lib/errors.js'
import { type FindNode, FindSyntaxError, parseFind } from './lib/find-expr.js'
import { sortedChildStats } from './lib/fsutil.js'
import { globToRegExp } from './lib/glob.js'
import { modeString } from './lib/format.js'
import { applyMode } from './lib/mode.js'
import { baseName, dirName, joinPath } from './lib/path.js'
import { translateRegex } from './lib/regex.js'
import { nameLookup } from './lib/users.js'

interface Visit {
  shown: string
  path: string
  st: FileStat
  depth: number
  start: string
}

const compareN = (spec: string, value: number): boolean => {
  const m = /^([+-]?)(\d+)$/.exec(spec)
  if (!m) return false
  const n = Number(m[2])
  return m[1] === '+' ? value > n : m[1] === '-' ? value < n : value === n
}

const SIZE_UNIT: Record<string, number> = { b: 512, c: 1, w: 2, k: 1024, M: 1024 ** 2, G: 1024 ** 3 }

export default defineCommand({
  name: 'find',
  usage: 'find [starting-point...] [expression]',
  description: 'Search for files in a directory hierarchy.',
  rawArgs: true,
  helpFooter:
    'Tests: -name -iname -path -ipath -regex -type -maxdepth -mindepth -mtime -mmin -newer -size -empty -perm -user -group\nActions: -print -print0 -printf -exec CMD {} ; -exec CMD {} + -delete -prune -quit\nOperators: ( EXPR ) ! EXPR EXPR -a EXPR EXPR -o EXPR',
  async run(ctx) {
    const args = [...ctx.args]
    let i = 0
    while (i < args.length && (args[i] === '-H' || args[i] === '-L' || args[i] === '-P')) i++
    const starts: string[] = []
    while (i < args.length && !((args[i] as string).startsWith('-') && (args[i] as string).length > 1) && args[i] !== '(' && args[i] !== '!') starts.push(args[i++] as string)
    if (starts.length === 0) starts.push('.')
    let parsed
    try {
      parsed = parseFind(args.slice(i))
    } catch (e) {
      if (!(e instanceof FindSyntaxError)) throw e
      await ctx.stderr.write(`find: ${e.message}\n`)
      return 1
    }
    const now = Date.now()
    const names = nameLookup(ctx.fs)
    let status = 0
    let out = ''
    let quit = false
    const flush = async () => {
      if (out) await ctx.stdout.write(out)
      out = ''
    }
    const batches = new Map<Extract<FindNode, { op: 'test' }>, string[]>()
    const pruned = new Set<string>()

    const printf = (fmt: string, v: Visit): string =>
      fmt
        .replace(/\\n/g, '\n')
        .replace(/\\t/g, '\t')
        .replace(/\\0/g, '\0')
        .replace(/%([-\d]*)([pfhPsmdMugUGtiyk%])/g, (_m, w: string, k: string) => {
          let s: string
          switch (k) {
            case 'p':
              s = v.shown
              break
            case 'f':
              s = baseName(v.shown)
              break
            case 'h':
              s = dirName(v.shown)
              break
            case 'P':
              s = v.shown === v.start ? '' : v.shown.slice(v.start.length).replace(/^\//, '')
              break
            case 's':
              s = String(v.st.type === 'dir' ? 4096 : v.st.size)
              break
            case 'm':
              s = (v.st.mode & 0o7777).toString(8)
              break
            case 'M':
              s = modeString(v.st.type, v.st.mode)
              break
            case 'd':
              s = String(v.depth)
              break
            case 'u':
              s = names.user(v.st.uid)
              break
            case 'U':
              s = String(v.st.uid)
              break
            case 'g':
              s = names.group(v.st.gid)
              break
            case 'G':
              s = String(v.st.gid)
              break
            case 'i':
              s = String(v.st.ino)
              break
            case 'k':
              s = String(Math.ceil(v.st.size / 4096) * 4)
              break
            case 'y':
              s = v.st.type === 'dir' ? 'd' : v.st.type === 'symlink' ? 'l' : 'f'
              break
            case 't':
              s = new Date(v.st.mtimeMs).toUTCString()
              break
            default:
              s = '%'
          }
          const width = Number(w.replace('-', '') || 0)
          return w.startsWith('-') ? s.padEnd(width) : s.padStart(width)
        })

    const evaluate = async (node: FindNode, v: Visit): Promise<boolean> => {
      switch (node.op) {
        case 'and':
          return (await evaluate(node.left, v)) && evaluate(node.right, v)
        case 'or':
          return (await evaluate(node.left, v)) || evaluate(node.right, v)
        case 'not':
          return !(await evaluate(node.expr, v))
      }
      const a = node.args[0] ?? ''
      const base = baseName(v.shown)
      switch (node.name) {
        case '-true':
        case '-depth':
        case '-d':
        case '-xdev':
        case '-mount':
        case '-follow':
        case '-noleaf':
          return true
        case '-false':
          return false
        case '-name':
        case '-iname':
          return globToRegExp(a, { icase: node.name === '-iname' }).test(base)
        case '-path':
        case '-wholename':
        case '-ipath':
        case '-iwholename':
          return globToRegExp(a, { icase: node.name.startsWith('-i') }).test(v.shown)
        case '-regex':
        case '-iregex':
          return new RegExp(`^(?:${translateRegex(a, { extended: false })})$`, node.name === '-iregex' ? 'i' : '').test(v.shown)
        case '-type':
        case '-xtype':
          return a.split(',').some((t) => (t === 'f' && v.st.type === 'file') || (t === 'd' && v.st.type === 'dir') || (t === 'l' && v.st.type === 'symlink'))
        case '-empty':
          return v.st.type === 'dir' ? ctx.fs.readdir(v.path).length === 0 : v.st.type === 'file' && v.st.size === 0
        case '-mtime':
        case '-atime':
        case '-ctime': {
          const t = node.name === '-mtime' ? v.st.mtimeMs : node.name === '-atime' ? v.st.atimeMs : v.st.ctimeMs
          return compareN(a, Math.floor((now - t) / 86_400_000))
        }
        case '-mmin':
        case '-amin':
        case '-cmin': {
          const t = node.name === '-mmin' ? v.st.mtimeMs : node.name === '-amin' ? v.st.atimeMs : v.st.ctimeMs
          return compareN(a, Math.ceil((now - t) / 60_000))
        }
        case '-newer': {
          try {
            return v.st.mtimeMs > ctx.fs.stat(ctx.resolve(a)).mtimeMs
          } catch {
            return false
          }
        }
        case '-size': {
          const m = /^([+-]?\d+)([bcwkMG]?)$/.exec(a)
          if (!m) return false
          const unit = SIZE_UNIT[m[2] || 'b'] as number
          const size = v.st.type === 'dir' ? 4096 : v.st.size
          return compareN(m[1] as string, Math.ceil(size / unit))
        }
        case '-perm': {
          const mode = v.st.mode & 0o7777
          const spec = a.replace(/^[-/]/, '')
          const want = applyMode(spec, 0, false) ?? 0
          if (a.startsWith('-')) return (mode & want) === want
          if (a.startsWith('/')) return want === 0 || (mode & want) !== 0
          return mode === want
        }
        case '-user':
          return names.user(v.st.uid) === a || String(v.st.uid) === a
        case '-group':
          return names.group(v.st.gid) === a || String(v.st.gid) === a
        case '-uid':
          return compareN(a, v.st.uid)
        case '-gid':
          return compareN(a, v.st.gid)
        case '-links':
          return compareN(a, v.st.nlink)
        case '-inum':
          return compareN(a, v.st.ino)
        case '-readable':
          return (v.st.mode & 0o400) !== 0
        case '-writable':
          return (v.st.mode & 0o200) !== 0
        case '-executable':
          return (v.st.mode & 0o100) !== 0
        case '-nouser':
        case '-nogroup':
          return false
        case '-print':
          out += `${v.shown}\n`
          return true
        case '-print0':
          out += `${v.shown}\0`
          return true
        case '-printf':
          out += printf(a, v)
          return true
        case '-ls':
          out += `${String(v.st.ino).padStart(6)} ${String(Math.ceil(v.st.size / 4096) * 4).padStart(4)} ${modeString(v.st.type, v.st.mode)} ${String(v.st.nlink).padStart(3)} ${names.user(v.st.uid).padEnd(8)} ${names.group(v.st.gid).padEnd(8)} ${String(v.st.size).padStart(8)} ${v.shown}\n`
          return true
        case '-prune':
          if (v.st.type === 'dir') pruned.add(v.path)
          return true
        case '-quit':
          quit = true
          return true
        case '-delete':
          try {
            if (v.st.type === 'dir') ctx.fs.rmdir(v.path)
            else ctx.fs.unlink(v.path)
          } catch (e) {
            await ctx.stderr.write(`find: cannot delete '${v.shown}': ${describeError(e)}\n`)
            status = 1
            return false
          }
          return true
        case '-exec':
        case '-execdir':
        case '-ok':
        case '-okdir': {
          const term = node.args[node.args.length - 1]
          const template = node.args.slice(0, -1)
          const target = node.name.endsWith('dir') ? `./${base}` : v.shown
          if (term === '+') {
            const list = batches.get(node) ?? []
            list.push(target)
            batches.set(node, list)
            return true
          }
          await flush()
          const argv = template.map((t) => t.split('{}').join(target))
          const code = await ctx.shell.runArgv(argv, { signal: ctx.signal })
          return code === 0
        }
      }
      return false
    }

    const visit = async (v: Visit): Promise<void> => {
      if (quit || ctx.signal.aborted) return
      const isDir = v.st.type === 'dir'
      const test = async () => {
        if (v.depth < parsed.minDepth) return
        const ok = parsed.expr ? await evaluate(parsed.expr, v) : true
        if (ok && !parsed.hasAction) out += `${v.shown}\n`
      }
      if (!parsed.depthFirst) await test()
      if (out.length > 32768) await flush()
      if (isDir && v.depth < parsed.maxDepth && !pruned.has(v.path)) {
        let children: { name: string; stat: FileStat }[] = []
        try {
          children = sortedChildStats(ctx.fs, v.path)
        } catch (e) {
          await ctx.stderr.write(`find: ${q(v.shown)}: ${describeError(e)}\n`)
          status = 1
        }
        for (const { name, stat: st } of children) {
          const path = joinPath(v.path, name)
          await visit({ shown: v.shown.endsWith('/') ? `${v.shown}${name}` : `${v.shown}/${name}`, path, st, depth: v.depth + 1, start: v.start })
          if (quit) return
        }
      }
      if (parsed.depthFirst) await test()
    }

    for (const start of starts) {
      const path = ctx.resolve(start)
      let st: FileStat
      try {
        st = ctx.fs.lstat(path)
        if (st.type === 'symlink' && (ctx.args.includes('-L') || ctx.args.includes('-H'))) st = ctx.fs.stat(path)
      } catch (e) {
        await ctx.stderr.write(`find: ${q(start)}: ${describeError(e)}\n`)
        status = 1
        continue
      }
      await visit({ shown: start, path, st, depth: 0, start })
      if (quit) break
    }
    await flush()
    for (const [node, list] of batches) {
      const template = node.args.slice(0, -1)
      const at = template.indexOf('{}')
      const argv = [...template.slice(0, at), ...list, ...template.slice(at + 1)]
      const code = await ctx.shell.runArgv(argv, { signal: ctx.signal })
      if (code !== 0) status = 1
    }
    return status
  },
})
