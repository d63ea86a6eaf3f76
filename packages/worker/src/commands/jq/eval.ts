/** jq evaluation: generators over values, paths for assignment, user functions and closures. */
import { applyFormat } from './formats.js'
import { type Json, JqError, brief, compare, dump, typeOf } from './json.js'
import { type Path, arith, deletePaths, getPath, indexValue, isTruthy, setPath, sliceValue } from './values.js'

export { type Path, applyFormat, arith, deletePaths, getPath, indexValue, isTruthy, setPath, sliceValue }
export { indices, splitString } from './values.js'
import type { Node, Pattern } from './parser.js'


export interface Closure {
  params: string[]
  body: Node
  env: Env
}

export type Native = (ctx: EvalCtx, input: Json, args: Node[], env: Env) => Generator<Json>
export type NativePath = (ctx: EvalCtx, input: Json, args: Node[], env: Env, path: Path, root: Json) => Generator<[Path, Json]>

export class Env {
  constructor(
    readonly parent: Env | undefined,
    readonly vars: Map<string, Json> = new Map(),
    readonly funcs: Map<string, Closure> = new Map(),
  ) {}
  getVar(name: string): Json | undefined {
    for (let e: Env | undefined = this; e; e = e.parent) if (e.vars.has(name)) return e.vars.get(name) as Json
    return undefined
  }
  getFunc(key: string): Closure | undefined {
    for (let e: Env | undefined = this; e; e = e.parent) {
      const f = e.funcs.get(key)
      if (f) return f
    }
    return undefined
  }
}

export interface EvalCtx {
  natives: Map<string, Native>
  nativePaths: Map<string, NativePath>
  /** Reads the next input (for `input` / `inputs`). */
  nextInput(): Json | undefined
  stderr(s: string): void
}

class BreakSignal {
  constructor(readonly label: symbol) {}
}

function* product(ctx: EvalCtx, nodes: Node[], input: Json, env: Env): Generator<Json[]> {
  if (nodes.length === 0) {
    yield []
    return
  }
  const [first, ...rest] = nodes as [Node, ...Node[]]
  for (const tail of product(ctx, rest, input, env)) for (const v of evaluate(ctx, first, input, env)) yield [v, ...tail]
}

function* bindPatterns(ctx: EvalCtx, pattern: Pattern, value: Json, env: Env, vars: Map<string, Json>): Generator<Map<string, Json>> {
  switch (pattern.p) {
    case 'var': {
      const m = new Map(vars)
      m.set(pattern.name, value)
      yield m
      return
    }
    case 'array': {
      if (value !== null && !Array.isArray(value)) throw new JqError(`Cannot index ${typeOf(value)} with number`)
      let acc: Array<Map<string, Json>> = [vars]
      pattern.items.forEach((item, i) => {
        const next: Array<Map<string, Json>> = []
        for (const m of acc) for (const r of bindPatterns(ctx, item, indexValue(value, i), env, m)) next.push(r)
        acc = next
      })
      yield* acc
      return
    }
    case 'object': {
      let acc: Array<Map<string, Json>> = [vars]
      for (const e of pattern.entries) {
        const next: Array<Map<string, Json>> = []
        for (const m of acc) {
          const keys: Json[] = typeof e.key === 'string' ? [e.key] : [...evaluate(ctx, e.key, value, new Env(env, m))]
          for (const k of keys) {
            if (typeof k !== 'string') throw new JqError(`Cannot index ${typeOf(value)} with ${typeOf(k)}`)
            const v = indexValue(value, k)
            let m2 = m
            if (e.keyVar) {
              m2 = new Map(m)
              m2.set(e.keyVar, v)
            }
            if (e.value) for (const r of bindPatterns(ctx, e.value, v, env, m2)) next.push(r)
            else next.push(m2)
          }
        }
        acc = next
      }
      yield* acc
    }
  }
}

const callFunc = (env: Env, name: string, arity: number): Closure | undefined => env.getFunc(`${name}/${arity}`)

/** Binds a user function's parameters: filters as closures, `$x` params as values (cartesian). */
function* bindCall(ctx: EvalCtx, f: Closure, args: Node[], input: Json, env: Env): Generator<Env> {
  const fenv = new Env(f.env)
  const valueParams: Array<{ name: string; node: Node }> = []
  f.params.forEach((p, i) => {
    const arg = args[i] as Node
    if (p.startsWith('$')) valueParams.push({ name: p.slice(1), node: arg })
    else fenv.funcs.set(`${p}/0`, { params: [], body: arg, env })
  })
  if (valueParams.length === 0) {
    yield fenv
    return
  }
  for (const vals of product(ctx, valueParams.map((v) => v.node), input, env)) {
    const e = new Env(fenv)
    valueParams.forEach((v, i) => {
      e.vars.set(v.name, vals[i] as Json)
      e.funcs.set(`${v.name}/0`, { params: [], body: { k: 'literal', v: vals[i] }, env: e })
    })
    yield e
  }
}

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

// ---- paths (for path(), assignment, del, paths) ----

export function* evalPaths(ctx: EvalCtx, node: Node, root: Json, path: Path, env: Env): Generator<[Path, Json]> {
  const cur = getPath(root, path)
  switch (node.k) {
    case 'identity':
      yield [path, cur]
      return
    case 'recurse': {
      const walk = function* (p: Path, v: Json): Generator<[Path, Json]> {
        yield [p, v]
        if (Array.isArray(v)) for (let i = 0; i < v.length; i++) yield* walk([...p, i], v[i] as Json)
        else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) yield* walk([...p, k], v[k] as Json)
      }
      yield* walk(path, cur)
      return
    }
    case 'field':
    case 'index':
      for (const [tp, tv] of evalPaths(ctx, node.target, root, path, env)) {
        for (const k of evaluate(ctx, node.k === 'field' ? node.name : node.index, cur, env)) {
          try {
            const v = indexValue(tv, k)
            if (k !== null && typeof k === 'object' && !Array.isArray(k)) yield [[...tp, { start: (k['start'] ?? null) as number | null, end: (k['end'] ?? null) as number | null }], v]
            else yield [[...tp, k as string | number], v]
          } catch (e) {
            if (!node.opt || !(e instanceof JqError)) throw e
          }
        }
      }
      return
    case 'slice':
      for (const [tp, tv] of evalPaths(ctx, node.target, root, path, env)) {
        for (const to of node.to ? evaluate(ctx, node.to, cur, env) : [null]) {
          for (const from of node.from ? evaluate(ctx, node.from, cur, env) : [null]) {
            yield [[...tp, { start: from as number | null, end: to as number | null }], sliceValue(tv, from as number | null, to as number | null)]
          }
        }
      }
      return
    case 'iterate':
      for (const [tp, tv] of evalPaths(ctx, node.target, root, path, env)) {
        if (Array.isArray(tv)) for (let i = 0; i < tv.length; i++) yield [[...tp, i], tv[i] as Json]
        else if (tv !== null && typeof tv === 'object') for (const k of Object.keys(tv)) yield [[...tp, k], tv[k] as Json]
        else if (tv === null) continue
        else if (!node.opt) throw new JqError(`Cannot iterate over ${typeOf(tv)}`)
      }
      return
    case 'pipe':
      for (const [p] of evalPaths(ctx, node.left, root, path, env)) yield* evalPaths(ctx, node.right, root, p, env)
      return
    case 'comma':
      yield* evalPaths(ctx, node.left, root, path, env)
      yield* evalPaths(ctx, node.right, root, path, env)
      return
    case 'try':
      try {
        for (const x of evalPaths(ctx, node.body, root, path, env)) yield x
      } catch (e) {
        if (!(e instanceof JqError)) throw e
        if (node.handler) for (const v of evaluate(ctx, node.handler, e.value, env)) yield [path, v]
      }
      return
    case 'if':
      for (const c of evaluate(ctx, node.cond, cur, env)) {
        if (isTruthy(c)) yield* evalPaths(ctx, node.then, root, path, env)
        else if (node.elifs.length > 0) {
          const [first, ...rest] = node.elifs as [{ cond: Node; then: Node }, ...Array<{ cond: Node; then: Node }>]
          yield* evalPaths(ctx, { k: 'if', cond: first.cond, then: first.then, elifs: rest, ...(node.else ? { else: node.else } : {}) }, root, path, env)
        } else if (node.else) yield* evalPaths(ctx, node.else, root, path, env)
        else yield [path, cur]
      }
      return
    case 'alt': {
      let any = false
      try {
        for (const [p, v] of evalPaths(ctx, node.left, root, path, env)) {
          if (isTruthy(v)) {
            any = true
            yield [p, v]
          }
        }
      } catch (e) {
        if (!(e instanceof JqError)) throw e
      }
      if (!any) yield* evalPaths(ctx, node.right, root, path, env)
      return
    }
    case 'as':
      for (const v of evaluate(ctx, node.source, cur, env)) {
        for (const vars of bindPatterns(ctx, node.patterns[0] as Pattern, v, env, new Map())) yield* evalPaths(ctx, node.body, root, path, new Env(env, vars))
      }
      return
    case 'def': {
      const e = new Env(env)
      e.funcs.set(`${node.name}/${node.params.length}`, { params: node.params, body: node.body, env: e })
      yield* evalPaths(ctx, node.rest, root, path, e)
      return
    }
    case 'label': {
      const sym = Symbol(node.name)
      const e = new Env(env)
      e.vars.set(`*label*${node.name}`, sym as unknown as Json)
      try {
        yield* evalPaths(ctx, node.body, root, path, e)
      } catch (err) {
        if (!(err instanceof BreakSignal) || err.label !== sym) throw err
      }
      return
    }
    case 'break':
      yield* evaluate(ctx, node, cur, env) as unknown as Generator<[Path, Json]>
      return
    case 'reduce':
    case 'foreach':
      throw new JqError('Invalid path expression with reduce/foreach')
    case 'call': {
      const f = callFunc(env, node.name, node.args.length)
      if (f) {
        for (const fenv of bindCall(ctx, f, node.args, cur, env)) yield* evalPaths(ctx, f.body, root, path, fenv)
        return
      }
      const np = ctx.nativePaths.get(`${node.name}/${node.args.length}`)
      if (np) {
        yield* np(ctx, cur, node.args, env, path, root)
        return
      }
      if (ctx.natives.has(`${node.name}/${node.args.length}`)) {
        for (const v of evaluate(ctx, node, cur, env)) throw new JqError(`Invalid path expression with result ${brief(v)}`)
        return
      }
      throw new JqError(`${node.name}/${node.args.length} is not defined`)
    }
    case 'literal':
      if (node.v === null) {
        yield [path, null]
        return
      }
      throw new JqError(`Invalid path expression with result ${brief(node.v as Json)}`)
    default:
      for (const v of evaluate(ctx, node, cur, env)) throw new JqError(`Invalid path expression with result ${brief(v)}`)
  }
}

function* assign(ctx: EvalCtx, node: Extract<Node, { k: 'assign' }>, input: Json, env: Env): Generator<Json> {
  if (node.op === '|=') {
    let out = input
    for (const [p] of [...evalPaths(ctx, node.left, input, [], env)]) {
      const first = evaluate(ctx, node.right, getPath(out, p), env).next()
      out = first.done ? deletePaths(out, [p]) : setPath(out, p, first.value)
    }
    yield out
    return
  }
  for (const rhs of evaluate(ctx, node.right, input, env)) {
    let out = input
    for (const [p] of [...evalPaths(ctx, node.left, input, [], env)]) {
      if (node.op === '=') out = setPath(out, p, rhs)
      else if (node.op === '//=') {
        const cur = getPath(out, p)
        out = setPath(out, p, isTruthy(cur) ? cur : rhs)
      } else out = setPath(out, p, arith(node.op.slice(0, -1), getPath(out, p), rhs))
    }
    yield out
  }
}
