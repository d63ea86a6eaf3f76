/** grep: print lines that match patterns (BRE/ERE/fixed), recursive, with context and counts. */
import type { FileStat } from '../vfs/types.js'
import { defineCommand } from './define-command.js'
import { describeError } from './lib/errors.js'
import { sortedChildStats, tryStat } from './lib/fsutil.js'
import { globToRegExp } from './lib/glob.js'
import { baseName, joinPath } from './lib/path.js'
import { RegexSyntaxError, escapeRegExp, translateRegex } from './lib/regex.js'

export default defineCommand({
  name: 'grep',
  aliases: ['egrep', 'fgrep'],
  usage: 'grep [OPTION]... PATTERNS [FILE]...',
  description: 'Search for PATTERNS in each FILE.',
  usageStatus: 2,
  flags: {
    E: { type: 'boolean', long: 'extended-regexp', description: 'PATTERNS are extended regular expressions' },
    F: { type: 'boolean', long: 'fixed-strings', description: 'PATTERNS are strings' },
    G: { type: 'boolean', long: 'basic-regexp', description: 'PATTERNS are basic regular expressions' },
    P: { type: 'boolean', long: 'perl-regexp', description: 'PATTERNS are Perl-compatible regular expressions' },
    e: { type: 'string', long: 'regexp', repeatable: true, arg: 'PATTERNS', description: 'use PATTERNS for matching' },
    f: { type: 'string', long: 'file', repeatable: true, arg: 'FILE', description: 'take PATTERNS from FILE' },
    i: { type: 'boolean', long: 'ignore-case', alias: ['y'], description: 'ignore case distinctions in patterns and data' },
    'no-ignore-case': { type: 'boolean', description: 'do not ignore case distinctions (default)' },
    w: { type: 'boolean', long: 'word-regexp', description: 'match only whole words' },
    x: { type: 'boolean', long: 'line-regexp', description: 'match only whole lines' },
    v: { type: 'boolean', long: 'invert-match', description: 'select non-matching lines' },
    c: { type: 'boolean', long: 'count', description: 'print only a count of selected lines per FILE' },
    l: { type: 'boolean', long: 'files-with-matches', description: 'print only names of FILEs with selected lines' },
    L: { type: 'boolean', long: 'files-without-match', description: 'print only names of FILEs with no selected lines' },
    m: { type: 'number', long: 'max-count', arg: 'NUM', description: 'stop after NUM selected lines' },
    o: { type: 'boolean', long: 'only-matching', description: 'show only nonempty parts of lines that match' },
    q: { type: 'boolean', long: 'quiet', alias: ['silent'], description: 'suppress all normal output' },
    s: { type: 'boolean', long: 'no-messages', description: 'suppress error messages' },
    n: { type: 'boolean', long: 'line-number', description: 'print line number with output lines' },
    b: { type: 'boolean', long: 'byte-offset', description: 'print the byte offset with output lines' },
    H: { type: 'boolean', long: 'with-filename', description: 'print file name with output lines' },
    h: { type: 'boolean', long: 'no-filename', description: 'suppress the file name prefix on output' },
    label: { type: 'string', arg: 'LABEL', description: 'use LABEL as the standard input file name prefix' },
    r: { type: 'boolean', long: 'recursive', description: 'search directories recursively' },
    R: { type: 'boolean', long: 'dereference-recursive', description: 'likewise, but follow all symlinks' },
    include: { type: 'string', repeatable: true, arg: 'GLOB', description: 'search only files that match GLOB' },
    exclude: { type: 'string', repeatable: true, arg: 'GLOB', description: 'skip files that match GLOB' },
    'exclude-dir': { type: 'string', repeatable: true, arg: 'GLOB', description: 'skip directories that match GLOB' },
    A: { type: 'number', long: 'after-context', arg: 'NUM', description: 'print NUM lines of trailing context' },
    B: { type: 'number', long: 'before-context', arg: 'NUM', description: 'print NUM lines of leading context' },
    C: { type: 'number', long: 'context', arg: 'NUM', description: 'print NUM lines of output context' },
    a: { type: 'boolean', long: 'text', description: 'process a binary file as if it were text' },
    I: { type: 'boolean', description: 'ignore binary files' },
    Z: { type: 'boolean', long: 'null', description: 'print 0 byte after FILE name' },
    z: { type: 'boolean', long: 'null-data', description: 'a data line ends in 0 byte, not newline' },
    color: { type: 'string', long: 'color', alias: ['colour'], optionalValue: true, arg: 'WHEN', description: 'use markers to highlight the matching strings (never, always, auto)' },
  },
  numericFlag: 'C',
  async run(ctx) {
    const f = ctx.flags
    const patterns: string[] = []
    for (const e of f.e) patterns.push(...e.split('\n'))
    for (const file of f.f) {
      try {
        const t = file === '-' ? await ctx.stdin.readText() : ctx.fs.readText(ctx.resolve(file))
        patterns.push(...t.replace(/\n$/, '').split('\n').filter((_, i, a) => !(a.length === 1 && a[0] === '')))
      } catch (e) {
        await ctx.stderr.write(`grep: ${file}: ${describeError(e)}\n`)
        return 2
      }
    }
    const operands = [...ctx.args]
    if (f.e.length === 0 && f.f.length === 0) {
      if (operands.length === 0) {
        await ctx.stderr.write("Usage: grep [OPTION]... PATTERNS [FILE]...\nTry 'grep --help' for more information.\n")
        return 2
      }
      patterns.push(...(operands.shift() as string).split('\n'))
    }
    const fixed = f.F || ctx.name === 'fgrep'
    const extended = f.E || ctx.name === 'egrep' || f.P
    const icase = f.i && !f['no-ignore-case']
    let re: RegExp
    try {
      const alts = patterns.map((p) => (fixed ? escapeRegExp(p) : f.P ? p : translateRegex(p, { extended, icase })))
      let body = alts.length === 1 ? (alts[0] as string) : alts.map((a) => `(?:${a})`).join('|')
      if (f.x) body = `^(?:${body})$`
      else if (f.w) body = `(?<![\\w])(?:${body})(?![\\w])`
      re = new RegExp(body, `g${icase ? 'i' : ''}`)
    } catch (e) {
      const msg = e instanceof RegexSyntaxError ? e.message : 'Invalid regular expression'
      await ctx.stderr.write(`grep: ${msg}\n`)
      return 2
    }
    const empty = patterns.length === 0
    const recursive = f.r || f.R
    if (operands.length === 0) operands.push(recursive ? '.' : '-')
    const implicitDot = recursive && ctx.args.length === (f.e.length === 0 && f.f.length === 0 ? 1 : 0)
    const withName = f.H || (!f.h && (operands.length > 1 || recursive))
    const after = f.A ?? f.C ?? 0
    const before = f.B ?? f.C ?? 0
    const sepChar = f.Z ? '\0' : ':'
    const when = f.color === undefined ? (ctx.order.includes('color') ? 'auto' : 'never') : f.color
    const colored = when === 'always' || when === 'yes' || when === 'force' || ((when === 'auto' || when === 'tty' || when === 'if-tty') && ctx.stdout.isTTY)
    // GNU grep's default GREP_COLORS: file names magenta, line numbers green, separators cyan, matches bold red.
    const paint = (code: string, text: string) => (colored ? `\x1b[${code}m\x1b[K${text}\x1b[m\x1b[K` : text)
    const highlight = (line: string): string => {
      if (!colored || f.v) return line
      re.lastIndex = 0
      return line.replace(re, (m) => (m === '' ? m : paint('01;31', m)))
    }
    let matchedAny = false
    let error = false

    const matchesLine = (line: string): boolean => {
      if (empty) return false
      re.lastIndex = 0
      return re.test(line)
    }

    const search = async (name: string, data: Uint8Array): Promise<void> => {
      const binary = !f.a && data.includes(0) && !f.z
      if (binary && f.I) return
      const text = new TextDecoder().decode(data)
      const eol = f.z ? '\0' : '\n'
      const lines = text.split(eol)
      if (lines[lines.length - 1] === '') lines.pop()
      let count = 0
      let out = ''
      let lastPrinted = -1
      let pendingAfter = 0
      // Byte offsets cost a pass over the text; only -b needs them.
      const offsets: number[] = []
      if (f.b) {
        let offset = 0
        const enc = new TextEncoder()
        for (const l of lines) {
          offsets.push(offset)
          offset += enc.encode(l).length + 1
        }
      }
      const prefix = (i: number, sep: string) =>
        `${withName ? `${paint('35', name)}${f.Z ? '\0' : paint('36', sep)}` : ''}${f.n ? `${paint('32', String(i + 1))}${paint('36', sep)}` : ''}${f.b ? `${paint('32', String(offsets[i]))}${paint('36', sep)}` : ''}`
      const quietish = f.q || f.l || f.L || f.c
      for (let i = 0; i < lines.length; i++) {
        if (f.m !== undefined && count >= f.m) {
          // GNU still prints trailing context after the last counted match.
          if (pendingAfter > 0 && !quietish && !matchesLine(lines[i] as string) !== f.v) {
            out += `${prefix(i, '-')}${lines[i]}${eol}`
            lastPrinted = i
            pendingAfter--
            continue
          }
          break
        }
        const line = lines[i] as string
        const selected = matchesLine(line) !== f.v
        if (!selected) {
          if (pendingAfter > 0 && !quietish) {
            out += `${prefix(i, '-')}${line}${eol}`
            lastPrinted = i
            pendingAfter--
          }
          continue
        }
        count++
        matchedAny = true
        if (f.q) return
        if (quietish || binary) continue
        if ((before > 0 || after > 0) && lastPrinted >= 0 && i - before > lastPrinted + 1) out += `${paint('36', '--')}\n`
        for (let k = Math.max(lastPrinted + 1, i - before); k < i; k++) out += `${prefix(k, '-')}${lines[k]}${eol}`
        if (f.o) {
          if (!f.v) {
            re.lastIndex = 0
            for (const m of line.matchAll(re)) if (m[0] !== '') out += `${prefix(i, ':')}${paint('01;31', m[0])}${eol}`
          }
        } else out += `${prefix(i, ':')}${highlight(line)}${eol}`
        lastPrinted = i
        pendingAfter = after
        if (out.length > 32768) {
          await ctx.stdout.write(out)
          out = ''
        }
      }
      if (f.c) out += `${withName ? `${paint('35', name)}${f.Z ? '\0' : paint('36', ':')}` : ''}${count}\n`
      if (f.l && count > 0) out += `${paint('35', name)}${f.Z ? '\0' : '\n'}`
      if (f.L && count === 0) out += `${paint('35', name)}${f.Z ? '\0' : '\n'}`
      await ctx.stdout.write(out)
      if (binary && count > 0 && !quietish) await ctx.stderr.write(`grep: ${name}: binary file matches\n`)
    }

    const globMatch = (globs: string[], name: string) => globs.some((g) => globToRegExp(g).test(name))
    const walk = async (shown: string, path: string, top: boolean, known?: FileStat): Promise<void> => {
      if (ctx.signal.aborted) return
      // A child's lstat comes with its directory listing; -R follows symlinks, so those need a stat.
      const st = known && !(f.R && known.type === 'symlink') ? known : top || f.R ? tryStat(ctx.fs, path) : (() => {
        try {
          return ctx.fs.lstat(path)
        } catch {
          return undefined
        }
      })()
      if (!st) {
        if (!f.s) await ctx.stderr.write(`grep: ${shown}: No such file or directory\n`)
        error = true
        return
      }
      if (st.type === 'symlink') return
      if (st.type === 'dir') {
        if (!recursive) {
          if (!f.s) await ctx.stderr.write(`grep: ${shown}: Is a directory\n`)
          error = true
          return
        }
        if (!top && globMatch(f['exclude-dir'], baseName(shown))) return
        for (const { name, stat } of sortedChildStats(ctx.fs, path)) {
          const childShown = shown === '.' && implicitDot ? name : joinPath(shown, name)
          await walk(childShown, joinPath(path, name), false, stat)
          if (f.q && matchedAny) return
        }
        return
      }
      const base = baseName(shown)
      if (f.include.length > 0 && !globMatch(f.include, base)) return
      if (globMatch(f.exclude, base)) return
      await search(shown, ctx.fs.readFile(path))
    }

    for (const op of operands) {
      if (op === '-') await search(f.label ?? '(standard input)', await ctx.stdin.readAll())
      else await walk(op, ctx.resolve(op), true)
      if (f.q && matchedAny) return 0
    }
    if (error && !(f.q && matchedAny)) return 2
    return matchedAny ? 0 : 1
  },
})
