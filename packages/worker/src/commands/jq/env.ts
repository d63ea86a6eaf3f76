/** jq's environments and calls: variables and function closures, pattern binding, argument binding. */
import { type Json, JqError, typeOf } from './json.js'
import { type Path, indexValue } from './values.js'
import type { Node, Pattern } from './ast.js'
import { evaluate } from './eval.js'

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

export class BreakSignal {
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

export function* bindPatterns(ctx: EvalCtx, pattern: Pattern, value: Json, env: Env, vars: Map<string, Json>): Generator<Map<string, Json>> {
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

export const callFunc = (env: Env, name: string, arity: number): Closure | undefined => env.getFunc(`${name}/${arity}`)

/** Binds a user function's parameters: filters as closures, `$x` params as values (cartesian). */
export function* bindCall(ctx: EvalCtx, f: Closure, args: Node[], input: Json, env: Env): Generator<Env> {
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
