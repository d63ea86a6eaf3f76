/**
 * `[[ … ]]`: file tests, string and pattern comparison, `=~` with BASH_REMATCH, and
 * arithmetic comparison. Operands are expanded without splitting or globbing.
 */
import type { CondExpr } from './ast.js'
import { evaluateArith } from './arith.js'
import { ShellError } from './errors.js'
import type { Interpreter } from './interpreter.js'
import { matchPattern, posixClassesToJs } from './pattern.js'
import { resolvePath } from '../commands/lib/path.js'
import type { FileStat } from '../vfs/types.js'

export async function evalCond(interp: Interpreter, e: CondExpr): Promise<boolean> {
  const x = interp.expander
  switch (e.type) {
    case 'not': return !(await evalCond(interp, e.expr))
    case 'and': return (await evalCond(interp, e.left)) && evalCond(interp, e.right)
    case 'or': return (await evalCond(interp, e.left)) || evalCond(interp, e.right)
    case 'word': return (await x.expandString(e.word)) !== ''
    case 'unary': return unaryTest(interp, e.op, await x.expandString(e.arg))
    case 'binary': {
      const left = await x.expandString(e.left)
      switch (e.op) {
        case '==': case '=': return matchPattern(await x.expandPattern(e.right), left)
        case '!=': return !matchPattern(await x.expandPattern(e.right), left)
        case '<': return left < (await x.expandString(e.right))
        case '>': return left > (await x.expandString(e.right))
        case '=~': {
          const src = await x.expandRegex(e.right)
          let re: RegExp
          try {
            re = new RegExp(posixClassesToJs(src))
          } catch {
            throw new ShellError('syntax', `[[: invalid regular expression`, false, 2)
          }
          const m = re.exec(left)
          if (!m) {
            interp.state.setArray('BASH_REMATCH', [])
            return false
          }
          interp.state.setArray('BASH_REMATCH', [...m].map((g) => g ?? ''))
          return true
        }
        case '-nt': case '-ot': case '-ef': return fileCompare(interp, e.op, left, await x.expandString(e.right))
        default: {
          const right = await x.expandString(e.right)
          const scope = x.arithScope()
          const a = evaluateArith(left || '0', scope)
          const b = evaluateArith(right || '0', scope)
          return arithCompare(e.op, a, b)
        }
      }
    }
  }
}

export function arithCompare(op: string, a: bigint, b: bigint): boolean {
  switch (op) {
    case '-eq': return a === b
    case '-ne': return a !== b
    case '-lt': return a < b
    case '-le': return a <= b
    case '-gt': return a > b
    default: return a >= b
  }
}

function statOf(interp: Interpreter, p: string, follow = true): FileStat | undefined {
  if (p === '') return undefined
  try {
    const abs = resolvePath(interp.state.cwd, p)
    return follow ? interp.fs.stat(abs) : interp.fs.lstat(abs)
  } catch {
    return undefined
  }
}

export function unaryTest(interp: Interpreter, op: string, arg: string): boolean {
  switch (op) {
    case '-z': return arg === ''
    case '-n': return arg !== ''
    case '-v': {
      const m = /^([A-Za-z_][A-Za-z0-9_]*)(?:\[(.*)\])?$/.exec(arg)
      if (!m) return false
      if (m[2] !== undefined) return interp.state.getElement(m[1]!, Number(m[2])) !== undefined
      return interp.state.lookup(m[1]!) !== undefined
    }
    case '-o': return (interp.state.options as unknown as Record<string, boolean>)[arg] === true
    case '-t': return false
    case '-L': case '-h': return statOf(interp, arg, false)?.type === 'symlink'
  }
  const st = statOf(interp, arg)
  if (!st) return false
  switch (op) {
    case '-e': case '-a': case '-r': case '-w': case '-O': case '-G': case '-N': return true
    case '-f': return st.type === 'file'
    case '-d': return st.type === 'dir'
    case '-s': return st.size > 0
    case '-x': return (st.mode & 0o111) !== 0
    case '-u': return (st.mode & 0o4000) !== 0
    case '-g': return (st.mode & 0o2000) !== 0
    case '-k': return (st.mode & 0o1000) !== 0
    default: return false
  }
}

function fileCompare(interp: Interpreter, op: string, a: string, b: string): boolean {
  const sa = statOf(interp, a)
  const sb = statOf(interp, b)
  if (op === '-ef') return !!sa && !!sb && sa.ino === sb.ino
  if (op === '-nt') return !!sa && (!sb || sa.mtimeMs > sb.mtimeMs)
  return !!sb && (!sa || sa.mtimeMs < sb.mtimeMs)
}
