/** Static facts about awk syntax trees: which expressions need async evaluation, which rules can run synchronously, which parameters are arrays. */
import type { Expr, FuncDef, Rule, Stmt } from './ast.js'

/** Thrown when synchronous evaluation meets something that needs I/O. */
export class NeedsAsync extends Error {}

const ASYNC_CACHE = new WeakMap<Expr, boolean>()
/** True when evaluating `e` may call a user function, getline, or an I/O builtin. */
export const needsAsync = (e: Expr): boolean => {
  const hit = ASYNC_CACHE.get(e)
  if (hit !== undefined) return hit
  let r: boolean
  switch (e.t) {
    case 'call':
    case 'getline':
      r = true
      break
    case 'builtin':
      r = e.name === 'system' || e.name === 'close' || e.name === 'fflush' || e.args.some(needsAsync)
      break
    case 'num':
    case 'str':
    case 'regex':
    case 'var':
    case 'value':
      r = false
      break
    case 'field':
      r = needsAsync(e.index)
      break
    case 'index':
    case 'in':
      r = e.subs.some(needsAsync)
      break
    case 'assign':
      r = needsAsync(e.target) || needsAsync(e.value)
      break
    case 'cond':
      r = needsAsync(e.test) || needsAsync(e.yes) || needsAsync(e.no)
      break
    case 'and':
    case 'or':
    case 'binary':
    case 'concat':
      r = needsAsync(e.left) || needsAsync(e.right)
      break
    case 'match':
      r = needsAsync(e.left) || needsAsync(e.re)
      break
    case 'unary':
      r = needsAsync(e.expr)
      break
    case 'incdec':
      r = needsAsync(e.target)
      break
    case 'group':
      r = needsAsync(e.expr)
      break
    default:
      r = true
  }
  ASYNC_CACHE.set(e, r)
  return r
}

/** Parameters a function uses as arrays (so an unset argument is passed as a new array). */
export const arrayUses = (f: FuncDef): Set<string> => {
  const out = new Set<string>()
  const params = new Set(f.params)
  const visitE = (e: Expr | undefined): void => {
    if (!e) return
    switch (e.t) {
      case 'index':
      case 'in':
        if (params.has(e.name)) out.add(e.name)
        e.subs.forEach(visitE)
        return
      case 'builtin':
        if ((e.name === 'split' || e.name === 'match') && e.args[e.name === 'split' ? 1 : 2]?.t === 'var') {
          const v = e.args[e.name === 'split' ? 1 : 2] as { name: string }
          if (params.has(v.name)) out.add(v.name)
        }
        e.args.forEach(visitE)
        return
      case 'call':
        e.args.forEach(visitE)
        return
      case 'assign':
        visitE(e.target)
        visitE(e.value)
        return
      case 'cond':
        visitE(e.test)
        visitE(e.yes)
        visitE(e.no)
        return
      case 'and':
      case 'or':
      case 'binary':
      case 'concat':
        visitE(e.left)
        visitE(e.right)
        return
      case 'match':
        visitE(e.left)
        visitE(e.re)
        return
      case 'unary':
      case 'group':
        visitE(e.expr)
        return
      case 'incdec':
        visitE(e.target)
        return
      case 'field':
        visitE(e.index)
        return
    }
  }
  const visitS = (s: Stmt | undefined): void => {
    if (!s) return
    switch (s.t) {
      case 'expr':
      case 'getline':
        visitE(s.expr)
        return
      case 'print':
      case 'printf':
        s.args.forEach(visitE)
        return
      case 'if':
        visitE(s.test)
        visitS(s.yes)
        visitS(s.no)
        return
      case 'while':
      case 'do':
        visitE(s.test)
        visitS(s.body)
        return
      case 'for':
        visitS(s.init)
        visitE(s.test)
        visitS(s.step)
        visitS(s.body)
        return
      case 'forin':
        if (params.has(s.arr)) out.add(s.arr)
        visitS(s.body)
        return
      case 'block':
        s.body.forEach(visitS)
        return
      case 'delete':
        if (params.has(s.name)) out.add(s.name)
        return
      case 'exit':
      case 'return':
        visitE(s.value)
        return
    }
  }
  f.body.forEach(visitS)
  return out
}

const exprSync = (e: Expr | undefined): boolean => e === undefined || !needsAsync(e)

/**
 * True when a statement can run without awaiting: no getline, user function or I/O builtin, no
 * output redirection (files, pipes and /dev/stderr go through the host), and no print inside a
 * loop, whose output has to be flushed while the loop runs.
 */
export const stmtRunsSync = (s: Stmt, inLoop: boolean): boolean => {
  switch (s.t) {
    case 'expr':
    case 'getline':
      return exprSync(s.expr)
    case 'print':
    case 'printf':
      return !s.redirect && !inLoop && s.args.every(exprSync)
    case 'if':
      return exprSync(s.test) && stmtRunsSync(s.yes, inLoop) && (s.no === undefined || stmtRunsSync(s.no, inLoop))
    case 'while':
    case 'do':
      return exprSync(s.test) && stmtRunsSync(s.body, true)
    case 'for':
      return (s.init === undefined || stmtRunsSync(s.init, true)) && exprSync(s.test) && (s.step === undefined || stmtRunsSync(s.step, true)) && stmtRunsSync(s.body, true)
    case 'forin':
      return stmtRunsSync(s.body, true)
    case 'block':
      return s.body.every((b) => stmtRunsSync(b, inLoop))
    case 'next':
    case 'nextfile':
    case 'break':
    case 'continue':
      return true
    case 'exit':
    case 'return':
      return exprSync(s.value)
    case 'delete':
      return s.subs === undefined || s.subs.every(exprSync)
    default:
      return false
  }
}

/** True when a main rule's patterns and action can all run synchronously for each record. */
export const ruleRunsSync = (r: Rule): boolean => exprSync(r.pattern) && exprSync(r.pattern2) && (r.action ?? []).every((s) => stmtRunsSync(s, false))
