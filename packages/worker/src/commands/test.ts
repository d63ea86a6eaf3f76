/** test / [: evaluate conditional expressions (POSIX argument-count rules, then -a/-o/!/( )). */
import type { FileStat, Vfs } from '../vfs/types.js'
import { defineCommand } from './define-command.js'

class TestError extends Error {}

/** test and [ are bash builtins: their messages carry the shell's prefix. */
const BASH = 'bash: '

const UID = 1000

const statOr = (fs: Vfs, p: string, follow = true): FileStat | undefined => {
  try {
    return follow ? fs.stat(p) : fs.lstat(p)
  } catch {
    return undefined
  }
}

const permitted = (st: FileStat, bit: number): boolean => {
  if (st.uid === UID) return ((st.mode >> 6) & bit) !== 0
  if (st.gid === UID) return ((st.mode >> 3) & bit) !== 0
  return (st.mode & bit) !== 0
}

const UNARY = new Set(['-e', '-f', '-d', '-L', '-h', '-r', '-w', '-x', '-s', '-z', '-n', '-b', '-c', '-p', '-S', '-t', '-g', '-u', '-k', '-O', '-G', '-N', '-a', '-v', '-o'])
const BINARY = new Set(['=', '==', '!=', '<', '>', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef'])

export const evaluateTest = (args: string[], fs: Vfs, resolve: (p: string) => string, env: (n: string) => string | undefined): boolean => {
  const int = (s: string): bigint => {
    const t = s.trim()
    if (!/^[+-]?\d+$/.test(t)) throw new TestError(`${s}: integer expression expected`)
    return BigInt(t)
  }
  const unary = (op: string, a: string): boolean => {
    switch (op) {
      case '-z':
        return a === ''
      case '-n':
        return a !== ''
      case '-t':
        return false
      case '-v':
        return env(a) !== undefined
      case '-o':
        return false
    }
    const p = resolve(a)
    if (a === '') return false
    if (op === '-L' || op === '-h') return statOr(fs, p, false)?.type === 'symlink'
    const st = statOr(fs, p)
    if (!st) return false
    switch (op) {
      case '-e':
      case '-a':
        return true
      case '-f':
        return st.type === 'file'
      case '-d':
        return st.type === 'dir'
      case '-s':
        return st.size > 0 || st.type === 'dir'
      case '-r':
        return permitted(st, 4)
      case '-w':
        return permitted(st, 2)
      case '-x':
        return permitted(st, 1)
      case '-u':
        return (st.mode & 0o4000) !== 0
      case '-g':
        return (st.mode & 0o2000) !== 0
      case '-k':
        return (st.mode & 0o1000) !== 0
      case '-O':
        return st.uid === UID
      case '-G':
        return st.gid === UID
      case '-N':
        return st.mtimeMs > st.atimeMs
      default:
        return false
    }
  }
  const binary = (a: string, op: string, b: string): boolean => {
    switch (op) {
      case '=':
      case '==':
        return a === b
      case '!=':
        return a !== b
      case '<':
        return a < b
      case '>':
        return a > b
      case '-eq':
        return int(a) === int(b)
      case '-ne':
        return int(a) !== int(b)
      case '-lt':
        return int(a) < int(b)
      case '-le':
        return int(a) <= int(b)
      case '-gt':
        return int(a) > int(b)
      case '-ge':
        return int(a) >= int(b)
      case '-nt':
      case '-ot': {
        const x = statOr(fs, resolve(a))
        const y = statOr(fs, resolve(b))
        if (op === '-nt') return !!x && (!y || x.mtimeMs > y.mtimeMs)
        return !!y && (!x || x.mtimeMs < y.mtimeMs)
      }
      case '-ef': {
        const x = statOr(fs, resolve(a))
        const y = statOr(fs, resolve(b))
        return !!x && !!y && x.ino === y.ino
      }
    }
    throw new TestError(`${op}: binary operator expected`)
  }

  // Recursive descent for the general case: or → and → not → primary.
  let pos = 0
  const peek = () => args[pos]
  const primary = (): boolean => {
    const t = args[pos]
    if (t === undefined) throw new TestError('argument expected')
    if (t === '(') {
      pos++
      const v = orExpr()
      if (args[pos] !== ')') throw new TestError(`\`)' expected`)
      pos++
      return v
    }
    if (pos + 2 < args.length + 0 && BINARY.has(args[pos + 1] as string) && pos + 2 <= args.length - 1) {
      const v = binary(t, args[pos + 1] as string, args[pos + 2] as string)
      pos += 3
      return v
    }
    if (UNARY.has(t) && pos + 1 < args.length && t !== '-a' && t !== '-o') {
      const v = unary(t, args[pos + 1] as string)
      pos += 2
      return v
    }
    pos++
    return t !== ''
  }
  const notExpr = (): boolean => {
    if (peek() === '!') {
      pos++
      return !notExpr()
    }
    return primary()
  }
  const andExpr = (): boolean => {
    let v = notExpr()
    while (peek() === '-a') {
      pos++
      const r = notExpr()
      v = v && r
    }
    return v
  }
  const orExpr = (): boolean => {
    let v = andExpr()
    while (peek() === '-o') {
      pos++
      const r = andExpr()
      v = v || r
    }
    return v
  }

  // POSIX rules by argument count first.
  const [a, b, c, d] = args
  switch (args.length) {
    case 0:
      return false
    case 1:
      return a !== ''
    case 2:
      if (a === '!') return b === ''
      if (UNARY.has(a as string)) return unary(a as string, b as string)
      throw new TestError(`${a}: unary operator expected`)
    case 3:
      if (BINARY.has(b as string)) return binary(a as string, b as string, c as string)
      if (b === '-a') return a !== '' && c !== ''
      if (b === '-o') return a !== '' || c !== ''
      if (a === '!') return !evaluateTest([b as string, c as string], fs, resolve, env)
      if (a === '(' && c === ')') return b !== ''
      throw new TestError(`${b}: binary operator expected`)
    case 4:
      if (a === '!') return !evaluateTest([b as string, c as string, d as string], fs, resolve, env)
      if (a === '(' && d === ')') return evaluateTest([b as string, c as string], fs, resolve, env)
  }
  const v = orExpr()
  if (pos < args.length) throw new TestError('too many arguments')
  return v
}

export default defineCommand({
  name: 'test',
  aliases: ['['],
  usage: 'test EXPRESSION\n  or:  [ EXPRESSION ]',
  description: 'Evaluate a conditional expression: exit 0 if true, 1 if false, 2 on error.',
  rawArgs: true,
  noHelp: true,
  async run(ctx) {
    let args = ctx.args
    if (ctx.name === '[') {
      if (args[args.length - 1] !== ']') {
        await ctx.stderr.write(`${BASH}[: missing \`]'\n`)
        return 2
      }
      args = args.slice(0, -1)
    }
    try {
      return evaluateTest(args, ctx.fs, (p) => ctx.resolve(p), (n) => ctx.env.get(n)) ? 0 : 1
    } catch (e) {
      if (!(e instanceof TestError)) throw e
      await ctx.stderr.write(`${BASH}${ctx.name}: ${e.message}\n`)
      return 2
    }
  },
})
