/** jq evaluation: generators over values (environments in env.ts, paths and assignment in paths.ts). */
import { applyFormat } from './formats.js'
import { type Json, JqError, brief, compare, dump, typeOf } from './json.js'
import { type Path, arith, deletePaths, getPath, indexValue, isTruthy, setPath, sliceValue } from './values.js'
import type { Node, Pattern } from './ast.js'
import { BreakSignal, Env, type EvalCtx, bindCall, bindPatterns, callFunc } from './env.js'
import { assign } from './paths.js'

export { type Path, applyFormat, arith, deletePaths, getPath, indexValue, isTruthy, setPath, sliceValue }
export { indices, splitString } from './values.js'
export { Env, type Closure, type EvalCtx, type Native, type NativePath } from './env.js'
export { evalPaths } from './paths.js'

export function* evaluate(ctx: EvalCtx, node: Node, input: Json, env: Env): Generator<Json> {
  switch (node.k) {
    case 'identity':
      yield input
      return
    case 'recurse':
      yield* recurseAll(input)
      return
    case 'literal':
      yield node.v as Json
      return
    case 'str':
      yield* interpolate(ctx, node, input, env)
      return
    case 'format':
      yield applyFormat(node.name, input)
      return
    case 'field':
    case 'index':
      for (const t of evaluate(ctx, node.target, input, env)) {
        for (const k of evaluate(ctx, node.k === 'field' ? node.name : node.index, input, env)) {
          try {
            yield indexValue(t, k)
          } catch (e) {
            if (!node.opt || !(e instanceof JqError)) throw e
          }
        }
      }
      return
    case 'slice':
      for (const t of evaluate(ctx, node.target, input, env)) {
        for (const to of node.to ? evaluate(ctx, node.to, input, env) : [null]) {
          for (const from of node.from ? evaluate(ctx, node.from, input, env) : [null]) {
            try {
              if ((from !== null && typeof from !== 'number') || (to !== null && typeof to !== 'number')) throw new JqError('Start and end indices of an array slice must be numbers')
              yield sliceValue(t, from, to)
            } catch (e) {
              if (!node.opt || !(e instanceof JqError)) throw e
            }
          }
        }
      }
      return
    case 'iterate':
      for (const t of evaluate(ctx, node.target, input, env)) {
        if (Array.isArray(t)) yield* t
        else if (t !== null && typeof t === 'object') yield* Object.values(t)
        else if (!node.opt) throw new JqError(`Cannot iterate over ${typeOf(t)}${t === null ? '' : ` (${brief(t)})`}`)
      }
      return
    case 'try':
      try {
        for (const v of evaluate(ctx, node.body, input, env)) yield v
      } catch (e) {
        if (!(e instanceof JqError)) throw e
        if (node.handler) yield* evaluate(ctx, node.handler, e.value, env)
      }
      return
    case 'pipe':
      for (const v of evaluate(ctx, node.left, input, env)) yield* evaluate(ctx, node.right, v, env)
      return
    case 'comma':
      yield* evaluate(ctx, node.left, input, env)
      yield* evaluate(ctx, node.right, input, env)
      return
    case 'neg':
      for (const v of evaluate(ctx, node.expr, input, env)) {
        if (typeof v !== 'number') throw new JqError(`${typeOf(v)} (${brief(v)}) cannot be negated`)
        yield -v
      }
      return
    case 'binop':
      for (const r of evaluate(ctx, node.right, input, env)) {
        for (const l of evaluate(ctx, node.left, input, env)) {
          switch (node.op) {
            case '==':
              yield compare(l, r) === 0
              break
            case '!=':
              yield compare(l, r) !== 0
              break
            case '<':
              yield compare(l, r) < 0
              break
            case '<=':
              yield compare(l, r) <= 0
              break
            case '>':
              yield compare(l, r) > 0
              break
            case '>=':
              yield compare(l, r) >= 0
              break
            default:
              yield arith(node.op, l, r)
          }
        }
      }
      return
    case 'and':
    case 'or':
      for (const l of evaluate(ctx, node.left, input, env)) {
        if (node.k === 'and' && !isTruthy(l)) {
          yield false
          continue
        }
        if (node.k === 'or' && isTruthy(l)) {
          yield true
          continue
        }
        for (const r of evaluate(ctx, node.right, input, env)) yield isTruthy(r)
      }
      return
    case 'alt': {
      // jq 1.6 lets errors on the left of `//` through.
      let any = false
      for (const v of evaluate(ctx, node.left, input, env)) {
        if (isTruthy(v)) {
          any = true
          yield v
        }
      }
      if (!any) yield* evaluate(ctx, node.right, input, env)
      return
    }
    case 'assign':
      yield* assign(ctx, node, input, env)
      return
    case 'array':
      yield node.body ? [...evaluate(ctx, node.body, input, env)] : []
      return
    case 'object':
      yield* buildObject(ctx, node.entries, 0, input, env, {})
      return
    case 'var': {
      if (node.name === 'ENV') {
        const v = env.getVar('ENV')
        yield v ?? {}
        return
      }
      const v = env.getVar(node.name)
      if (v === undefined) throw new JqError(`$${node.name} is not defined`)
      yield v
      return
    }
    case 'as':
      for (const v of evaluate(ctx, node.source, input, env)) {
        let matched = false
        let lastErr: unknown
        for (const pattern of node.patterns) {
          try {
            for (const vars of bindPatterns(ctx, pattern, v, env, new Map())) {
              // ?// alternatives bind every variable of every pattern (unset ones to null).
              const all = new Map<string, Json>()
              if (node.patterns.length > 1) for (const p of node.patterns) for (const n of patternVars(p)) all.set(n, null)
              for (const [k, x] of vars) all.set(k, x)
              yield* evaluate(ctx, node.body, input, new Env(env, all))
            }
            matched = true
            break
          } catch (e) {
            if (!(e instanceof JqError) || node.patterns.length === 1) throw e
            lastErr = e
          }
        }
        if (!matched && lastErr) throw lastErr
      }
      return
    case 'reduce': {
      let accs = [...evaluate(ctx, node.init, input, env)]
      for (const v of evaluate(ctx, node.source, input, env)) {
        for (const vars of bindPatterns(ctx, node.pattern, v, env, new Map())) {
          const e = new Env(env, vars)
          const next: Json[] = []
          for (const acc of accs) {
            const outs = [...evaluate(ctx, node.update, acc, e)]
            if (outs.length > 0) next.push(outs[outs.length - 1] as Json)
          }
          accs = next.length > 0 ? next : [null]
        }
      }
      yield* accs
      return
    }
    case 'foreach':
      for (const init of evaluate(ctx, node.init, input, env)) {
        let acc = init
        for (const v of evaluate(ctx, node.source, input, env)) {
          for (const vars of bindPatterns(ctx, node.pattern, v, env, new Map())) {
            const e = new Env(env, vars)
            for (const next of evaluate(ctx, node.update, acc, e)) {
              acc = next
              if (node.extract) yield* evaluate(ctx, node.extract, next, e)
              else yield next
            }
          }
        }
      }
      return
    case 'if':
      for (const c of evaluate(ctx, node.cond, input, env)) {
        if (isTruthy(c)) yield* evaluate(ctx, node.then, input, env)
        else if (node.elifs.length > 0) {
          const [first, ...rest] = node.elifs as [{ cond: Node; then: Node }, ...Array<{ cond: Node; then: Node }>]
          yield* evaluate(ctx, { k: 'if', cond: first.cond, then: first.then, elifs: rest, ...(node.else ? { else: node.else } : {}) }, input, env)
        } else if (node.else) yield* evaluate(ctx, node.else, input, env)
        else yield input
      }
      return
    case 'def': {
      const e = new Env(env)
      e.funcs.set(`${node.name}/${node.params.length}`, { params: node.params, body: node.body, env: e })
      yield* evaluate(ctx, node.rest, input, e)
      return
    }
    case 'label': {
      const sym = Symbol(node.name)
      const e = new Env(env)
      e.vars.set(`*label*${node.name}`, sym as unknown as Json)
      try {
        yield* evaluate(ctx, node.body, input, e)
      } catch (err) {
        if (!(err instanceof BreakSignal) || err.label !== sym) throw err
      }
      return
    }
    case 'break': {
      const sym = env.getVar(`*label*${node.name}`)
      if (sym === undefined) throw new JqError('$*label-' + node.name + ' is not defined')
      throw new BreakSignal(sym as unknown as symbol)
    }
    case 'call': {
      const f = callFunc(env, node.name, node.args.length)
      if (f) {
        for (const fenv of bindCall(ctx, f, node.args, input, env)) yield* evaluate(ctx, f.body, input, fenv)
        return
      }
      const nat = ctx.natives.get(`${node.name}/${node.args.length}`)
      if (nat) {
        yield* nat(ctx, input, node.args, env)
        return
      }
      throw new JqError(`${node.name}/${node.args.length} is not defined`)
    }
  }
}

const patternVars = (p: Pattern): string[] =>
  p.p === 'var' ? [p.name] : p.p === 'array' ? p.items.flatMap(patternVars) : p.entries.flatMap((e) => [...(e.keyVar ? [e.keyVar] : []), ...(e.value ? patternVars(e.value) : [])])

function* recurseAll(v: Json): Generator<Json> {
  yield v
  if (Array.isArray(v)) for (const x of v) yield* recurseAll(x)
  else if (v !== null && typeof v === 'object') for (const x of Object.values(v)) yield* recurseAll(x)
}

function* buildObject(ctx: EvalCtx, entries: Array<{ key: Node; value?: Node }>, i: number, input: Json, env: Env, acc: { [k: string]: Json }): Generator<Json> {
  if (i >= entries.length) {
    yield { ...acc }
    return
  }
  const e = entries[i] as { key: Node; value?: Node }
  for (const k of evaluate(ctx, e.key, input, env)) {
    if (typeof k !== 'string') throw new JqError(`Object keys must be strings`)
    for (const v of evaluate(ctx, e.value as Node, input, env)) yield* buildObject(ctx, entries, i + 1, input, env, { ...acc, [k]: v })
  }
}

function* interpolate(ctx: EvalCtx, node: Extract<Node, { k: 'str' }>, input: Json, env: Env): Generator<Json> {
  const parts = node.parts
  const rec = function* (i: number, acc: string): Generator<Json> {
    if (i >= parts.length) {
      yield acc
      return
    }
    const p = parts[i] as string | Node
    if (typeof p === 'string') {
      yield* rec(i + 1, acc + p)
      return
    }
    for (const v of evaluate(ctx, p, input, env)) {
      const s = node.fmt ? (applyFormat(node.fmt, v) as string) : typeof v === 'string' ? v : dump(v, { indent: 0 })
      yield* rec(i + 1, acc + s)
    }
  }
  yield* rec(0, '')
}
