/** jq natives on arrays and numbers: sorting, grouping, min/max, flatten, range/limit, math functions, dates. */
import { strftime } from '../lib/strftime.js'
import { type EvalCtx, Env, type Native, evaluate } from './eval.js'
import { type Json, JqError, brief, compare, typeOf } from './json.js'
import type { Node } from './ast.js'
import { one } from './native-util.js'

const num = (name: string, f: (x: number) => number): [string, Native] => [
  `${name}/0`,
  function* (_ctx, input) {
    if (typeof input !== 'number') throw new JqError(`${typeOf(input)} (${brief(input)}) number required`)
    yield f(input)
  },
]

const sortBy = (ctx: EvalCtx, input: Json, f: Node, env: Env): Array<{ v: Json; key: Json }> => {
  if (!Array.isArray(input)) throw new JqError(`Cannot index ${typeOf(input)} with number`)
  return input.map((v) => ({ v, key: one(ctx, f, v, env) })).sort((a, b) => compare(a.key, b.key))
}

const parseIsoDate = (s: Json): number => {
  if (typeof s !== 'string') throw new JqError(`strptime/1 requires string inputs and arguments`)
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2}):(\d{2})Z$/.exec(s)
  if (!m) throw new JqError(`date "${s}" does not match format "%Y-%m-%dT%H:%M:%SZ"`)
  return Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])) / 1000
}

export const arrayMathNatives: Array<[string, Native]> = [
  ['sort/0', function* (_c, input) {
    if (!Array.isArray(input)) throw new JqError(`${typeOf(input)} (${brief(input)}) cannot be sorted, as it is not an array`)
    yield [...input].sort(compare)
  }],
  ['sort_by/1', function* (ctx, input, args, env) {
    yield sortBy(ctx, input, args[0] as Node, env).map((x) => x.v)
  }],
  ['group_by/1', function* (ctx, input, args, env) {
    const out: Json[][] = []
    let lastKey: Json | undefined
    for (const x of sortBy(ctx, input, args[0] as Node, env)) {
      if (lastKey !== undefined && compare(lastKey, x.key) === 0) (out[out.length - 1] as Json[]).push(x.v)
      else out.push([x.v])
      lastKey = x.key
    }
    yield out
  }],
  ['unique/0', function* (_c, input) {
    if (!Array.isArray(input)) throw new JqError(`${typeOf(input)} (${brief(input)}) cannot be sorted, as it is not an array`)
    const s = [...input].sort(compare)
    yield s.filter((x, i) => i === 0 || compare(s[i - 1] as Json, x) !== 0)
  }],
  ['min/0', function* (_c, input) {
    if (!Array.isArray(input)) throw new JqError(`${typeOf(input)} (${brief(input)}) and ${typeOf(input)} (${brief(input)}) cannot be iterated over`)
    yield input.length === 0 ? null : input.reduce((a, b) => (compare(b, a) < 0 ? b : a))
  }],
  ['max/0', function* (_c, input) {
    if (!Array.isArray(input)) throw new JqError(`${typeOf(input)} (${brief(input)}) and ${typeOf(input)} (${brief(input)}) cannot be iterated over`)
    yield input.length === 0 ? null : input.reduce((a, b) => (compare(b, a) >= 0 ? b : a))
  }],
  ['_min_by/1', function* (ctx, input, args, env) {
    const keys = one(ctx, args[0] as Node, input, env)[0] as Json[]
    const arr = input as Json[]
    let best = -1
    keys.forEach((k, i) => {
      if (best === -1 || compare(k, keys[best] as Json) < 0) best = i
    })
    yield best === -1 ? null : (arr[best] as Json)
  }],
  ['_max_by/1', function* (ctx, input, args, env) {
    const keys = one(ctx, args[0] as Node, input, env)[0] as Json[]
    const arr = input as Json[]
    let best = -1
    keys.forEach((k, i) => {
      if (best === -1 || compare(k, keys[best] as Json) >= 0) best = i
    })
    yield best === -1 ? null : (arr[best] as Json)
  }],
  ['reverse/0', function* (_c, input) {
    if (typeof input === 'string') yield [...input].reverse().join('')
    else if (input === null) yield []
    else if (Array.isArray(input)) yield [...input].reverse()
    else throw new JqError(`Cannot reverse ${typeOf(input)}`)
  }],
  ['flatten/1', function* (ctx, input, args, env) {
    for (const d of evaluate(ctx, args[0] as Node, input, env)) {
      if (typeof d !== 'number' || d < 0) throw new JqError('flatten depth must not be negative')
      if (!Array.isArray(input)) throw new JqError(`Cannot iterate over ${typeOf(input)}`)
      const flat = (a: Json[], depth: number): Json[] => a.flatMap((x) => (Array.isArray(x) && depth > 0 ? flat(x, depth - 1) : [x]))
      yield flat(input, d)
    }
  }],
  ['range/2', function* (ctx, input, args, env) {
    for (const to of evaluate(ctx, args[1] as Node, input, env)) for (const from of evaluate(ctx, args[0] as Node, input, env)) for (let i = from as number; i < (to as number); i++) yield i
  }],
  ['range/3', function* (ctx, input, args, env) {
    for (const by of evaluate(ctx, args[2] as Node, input, env))
      for (const to of evaluate(ctx, args[1] as Node, input, env))
        for (const from of evaluate(ctx, args[0] as Node, input, env)) {
          const step = by as number
          if (step > 0) for (let i = from as number; i < (to as number); i += step) yield i
          else if (step < 0) for (let i = from as number; i > (to as number); i += step) yield i
        }
  }],
  ['limit/2', function* (ctx, input, args, env) {
    for (const n of evaluate(ctx, args[0] as Node, input, env)) {
      if ((n as number) <= 0) continue
      let k = 0
      for (const v of evaluate(ctx, args[1] as Node, input, env)) {
        yield v
        if (++k >= (n as number)) break
      }
    }
  }],
  ['infinite/0', function* () {
    yield Infinity
  }],
  ['nan/0', function* () {
    yield NaN
  }],
  ['isinfinite/0', function* (_c, input) {
    yield typeof input === 'number' && !Number.isFinite(input) && !Number.isNaN(input)
  }],
  ['isnan/0', function* (_c, input) {
    yield typeof input === 'number' && Number.isNaN(input)
  }],
  ['isnormal/0', function* (_c, input) {
    yield typeof input === 'number' && Number.isFinite(input) && input !== 0
  }],
  num('floor', Math.floor),
  num('ceil', Math.ceil),
  num('round', Math.round),
  num('sqrt', Math.sqrt),
  num('fabs', Math.abs),
  num('abs', Math.abs),
  num('log', Math.log),
  num('log2', Math.log2),
  num('log10', Math.log10),
  num('exp', Math.exp),
  num('exp2', (x) => 2 ** x),
  num('exp10', (x) => 10 ** x),
  num('trunc', Math.trunc),
  num('sin', Math.sin),
  num('cos', Math.cos),
  num('tan', Math.tan),
  num('asin', Math.asin),
  num('acos', Math.acos),
  num('atan', Math.atan),
  ['pow/2', function* (ctx, input, args, env) {
    for (const b of evaluate(ctx, args[1] as Node, input, env)) for (const a of evaluate(ctx, args[0] as Node, input, env)) yield (a as number) ** (b as number)
  }],
  ['now/0', function* () {
    yield Date.now() / 1000
  }],
  ['strftime/1', function* (ctx, input, args, env) {
    for (const f of evaluate(ctx, args[0] as Node, input, env)) {
      if (typeof input !== 'number') throw new JqError('strftime/1 requires parsed datetime inputs')
      yield strftime(String(f), input * 1000)
    }
  }],
  ['fromdateiso8601/0', function* (_c, input) {
    yield parseIsoDate(input)
  }],
]
