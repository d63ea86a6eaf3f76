/** awk expression evaluation: a synchronous evaluator, and an async one for getline, user functions and I/O builtins. */
import type { Expr, FuncDef, Program, Stmt } from './ast.js'
import { AwkArray, type Cell, compareCells, toBool, toNum } from './values.js'
import { NeedsAsync, arrayUses, needsAsync } from './analysis.js'
import { callBuiltin } from './builtins.js'
import { AwkRuntimeError } from './errors.js'
import { arith, mulberry } from './ops.js'
import { AwkIo } from './io.js'
import { ReturnSignal } from './signals.js'
import type { AwkHost, Frame } from './state.js'

export abstract class AwkEvaluator extends AwkIo {
  arrayParams = new Map<string, Set<string>>()
  seed = 0
  prevSeed = 0
  rng = mulberry(0)

  constructor(prog: Program, host: AwkHost) {
    super(prog, host)
    for (const [name, f] of prog.funcs) this.arrayParams.set(name, arrayUses(f))
  }

  /** Runs a function body; statements live in statements.ts. */
  abstract execBlock(body: Stmt[]): Promise<void>

  // ---- expressions (sync; getline and user functions with I/O go through evalAsync) ----
  evalSync(e: Expr): Cell {
    switch (e.t) {
      case 'num':
        return e.v
      case 'str':
        return e.v
      case 'regex':
        return this.regex(e.src).test(this.record) ? 1 : 0
      case 'group':
        return this.evalSync(e.expr)
      case 'var':
        return this.getVar(e.name)
      case 'field':
        return this.getField(Math.trunc(toNum(this.evalSync(e.index))))
      case 'index': {
        const a = this.getArray(e.name)
        const k = this.subscript(e.subs)
        if (!a.has(k)) a.set(k, undefined)
        return a.get(k)
      }
      case 'in':
        return this.getArray(e.name).has(this.subscript(e.subs)) ? 1 : 0
      case 'assign': {
        let v: Cell
        if (e.op === '=') {
          v = this.evalSync(e.value)
          if (v instanceof AwkArray) throw new AwkRuntimeError('attempt to use array in a scalar context')
        } else {
          const cur = toNum(this.evalSync(e.target))
          const r = toNum(this.evalSync(e.value))
          v = arith(e.op.slice(0, -1), cur, r)
        }
        this.assignTo(e.target, v)
        return v
      }
      case 'cond':
        return toBool(this.evalSync(e.test)) ? this.evalSync(e.yes) : this.evalSync(e.no)
      case 'and':
        return toBool(this.evalSync(e.left)) && toBool(this.evalSync(e.right)) ? 1 : 0
      case 'or':
        return toBool(this.evalSync(e.left)) || toBool(this.evalSync(e.right)) ? 1 : 0
      case 'match': {
        const s = this.str(this.evalSync(e.left))
        const r = this.regexOf(e.re).test(s)
        return r !== e.neg ? 1 : 0
      }
      case 'binary': {
        const l = this.evalSync(e.left)
        const r = this.evalSync(e.right)
        switch (e.op) {
          case '<':
            return compareCells(l, r, this.convfmt) < 0 ? 1 : 0
          case '<=':
            return compareCells(l, r, this.convfmt) <= 0 ? 1 : 0
          case '>':
            return compareCells(l, r, this.convfmt) > 0 ? 1 : 0
          case '>=':
            return compareCells(l, r, this.convfmt) >= 0 ? 1 : 0
          case '==':
            return compareCells(l, r, this.convfmt) === 0 ? 1 : 0
          case '!=':
            return compareCells(l, r, this.convfmt) !== 0 ? 1 : 0
        }
        return arith(e.op, toNum(l), toNum(r))
      }
      case 'concat':
        return this.str(this.evalSync(e.left)) + this.str(this.evalSync(e.right))
      case 'unary': {
        const v = this.evalSync(e.expr)
        if (e.op === '!') return toBool(v) ? 0 : 1
        return e.op === '-' ? -toNum(v) : toNum(v)
      }
      case 'incdec': {
        const old = toNum(this.evalSync(e.target))
        const nv = e.op === '++' ? old + 1 : old - 1
        this.assignTo(e.target, nv)
        return e.prefix ? nv : old
      }
      case 'builtin':
        return this.builtin(e.name, e.args)
      case 'value':
        return e.cell as Cell
      case 'call':
      case 'getline':
        throw new NeedsAsync()
    }
  }

  /** Full evaluation, allowing user functions and getline (which may do I/O). */
  async eval(e: Expr): Promise<Cell> {
    if (!needsAsync(e)) return this.evalSync(e)
    switch (e.t) {
      case 'call':
        return this.call(e.name, e.args)
      case 'getline':
        return this.getline(e)
      case 'group':
        return this.eval(e.expr)
      case 'builtin':
        if (e.name === 'system' || e.name === 'close' || e.name === 'fflush') return this.ioBuiltin(e.name, e.args)
        return this.evalSync(await this.resolveChildren(e))
      case 'assign': {
        let v: Cell
        if (e.op === '=') v = await this.eval(e.value)
        else v = arith(e.op.slice(0, -1), toNum(await this.eval(e.target)), toNum(await this.eval(e.value)))
        await this.assignAsync(e.target, v)
        return v
      }
      case 'cond':
        return toBool(await this.eval(e.test)) ? this.eval(e.yes) : this.eval(e.no)
      case 'and':
        return toBool(await this.eval(e.left)) && toBool(await this.eval(e.right)) ? 1 : 0
      case 'or':
        return toBool(await this.eval(e.left)) || toBool(await this.eval(e.right)) ? 1 : 0
      default: {
        // Evaluate async children first, then substitute their values as constants.
        return this.evalSync(await this.resolveChildren(e))
      }
    }
  }

  async assignAsync(target: Expr, v: Cell) {
    if (target.t === 'field') this.setField(Math.trunc(toNum(await this.eval(target.index))), this.str(v))
    else if (target.t === 'index') {
      const subs = await Promise.all(target.subs.map(async (s) => ({ t: 'str' as const, v: this.str(await this.eval(s)) })))
      this.getArray(target.name).set(this.subscript(subs), v)
    } else this.assignTo(target, v)
  }

  /** Replaces sub-expressions that need async evaluation with their values, left to right. */
  async resolveChildren(e: Expr): Promise<Expr> {
    const r = async (x: Expr): Promise<Expr> => (needsAsync(x) ? { t: 'value', cell: await this.eval(x) } : x)
    switch (e.t) {
      case 'binary':
        return { ...e, left: await r(e.left), right: await r(e.right) }
      case 'concat':
        return { ...e, left: await r(e.left), right: await r(e.right) }
      case 'match':
        return { ...e, left: await r(e.left), re: await r(e.re) }
      case 'unary':
        return { ...e, expr: await r(e.expr) }
      case 'field':
        return { ...e, index: await r(e.index) }
      case 'index':
        return { ...e, subs: await Promise.all(e.subs.map(r)) }
      case 'in':
        return { ...e, subs: await Promise.all(e.subs.map(r)) }
      case 'builtin': {
        const args: Expr[] = []
        for (const a of e.args) args.push(await r(a))
        return { ...e, args }
      }
      case 'incdec':
        return { ...e, target: await r(e.target) }
      default:
        return e
    }
  }

  builtin(name: string, args: Expr[]): Cell {
    return callBuiltin(this, name, args)
  }
  async call(name: string, argExprs: Expr[]): Promise<Cell> {
    const f: FuncDef | undefined = this.prog.funcs.get(name)
    if (!f) {
      if (name === 'system' || name === 'close' || name === 'fflush') return this.ioBuiltin(name, argExprs)
      throw new AwkRuntimeError(`function \`${name}' not defined`)
    }
    if (this.frames.length > 1000) throw new AwkRuntimeError('function call nesting too deep')
    const frame: Frame = new Map()
    const arrays = this.arrayParams.get(name) ?? new Set()
    for (let k = 0; k < f.params.length; k++) {
      const p = f.params[k] as string
      const a = argExprs[k]
      if (a === undefined) {
        frame.set(p, undefined)
        continue
      }
      if (a.t === 'var') {
        const holder = this.frameFor(a.name)
        const cur = holder.get(a.name)
        if (cur instanceof AwkArray) {
          frame.set(p, cur)
          continue
        }
        if (cur === undefined && arrays.has(p)) {
          const arr = new AwkArray()
          holder.set(a.name, arr)
          frame.set(p, arr)
          continue
        }
      }
      frame.set(p, await this.eval(a))
    }
    this.frames.push(frame)
    try {
      await this.execBlock(f.body)
      return undefined
    } catch (e) {
      if (e instanceof ReturnSignal) return e.value
      throw e
    } finally {
      this.frames.pop()
    }
  }
}
