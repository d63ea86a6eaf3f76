/** jq paths: what `path()`, assignment operators, `del` and `paths` work on. */
import { type Json, JqError, brief, typeOf } from './json.js'
import { type Path, getPath, setPath, deletePaths, indexValue, sliceValue, isTruthy, arith } from './values.js'
import type { Node, Pattern } from './ast.js'
import { Env, type EvalCtx, BreakSignal, bindCall, bindPatterns, callFunc } from './env.js'
import { evaluate } from './eval.js'

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

export function* assign(ctx: EvalCtx, node: Extract<Node, { k: 'assign' }>, input: Json, env: Env): Generator<Json> {
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
