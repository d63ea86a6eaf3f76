/** jq natives: empty/error, paths, length, keys, has/contains, types and JSON conversion. */
import { type Native, type Path, deletePaths, evalPaths, evaluate, getPath, setPath } from './eval.js'
import { type Json, JqError, brief, compare, dump, JsonStream, typeOf } from './json.js'
import type { Node } from './ast.js'

const keysOf = (v: Json, sorted: boolean): Json => {
  if (Array.isArray(v)) return v.map((_, i) => i)
  if (v !== null && typeof v === 'object') return sorted ? Object.keys(v).sort() : Object.keys(v)
  throw new JqError(`${typeOf(v)} (${brief(v)}) has no keys`)
}

const contains = (a: Json, b: Json): boolean => {
  const ta = typeOf(a)
  if (ta !== typeOf(b)) throw new JqError(`${ta} (${brief(a)}) and ${typeOf(b)} (${brief(b)}) cannot have their containment checked`)
  if (ta === 'object') return Object.entries(b as object).every(([k, v]) => Object.hasOwn(a as object, k) && contains((a as { [k: string]: Json })[k] as Json, v as Json))
  if (ta === 'array') return (b as Json[]).every((y) => (a as Json[]).some((x) => typeOf(x) === typeOf(y) && contains(x, y)))
  if (ta === 'string') return (a as string).includes(b as string)
  return compare(a, b) === 0
}

const length = (v: Json): Json => {
  if (v === null) return 0
  if (typeof v === 'boolean') throw new JqError(`boolean (${v}) has no length`)
  if (typeof v === 'number') return Math.abs(v)
  if (typeof v === 'string') return [...v].length
  if (Array.isArray(v)) return v.length
  return Object.keys(v).length
}

/** jq regex flags to a JS RegExp (g: all matches, i: case, x: extended, n: ignore empty, s: single line). */

export const coreNatives: Array<[string, Native]> = [
  ['empty/0', function* () {}],
  ['error/1', function* (ctx, input, args, env) {
    for (const m of evaluate(ctx, args[0] as Node, input, env)) throw new JqError(m)
  }],
  ['path/1', function* (ctx, input, args, env) {
    for (const [p] of evalPaths(ctx, args[0] as Node, input, [], env)) yield p.map((x) => (typeof x === 'object' ? { start: x.start, end: x.end } : x)) as Json
  }],
  ['getpath/1', function* (ctx, input, args, env) {
    for (const p of evaluate(ctx, args[0] as Node, input, env)) {
      if (!Array.isArray(p)) throw new JqError('Path must be specified as an array')
      try {
        yield getPath(input, p as Path)
      } catch {
        yield null
      }
    }
  }],
  ['setpath/2', function* (ctx, input, args, env) {
    for (const v of evaluate(ctx, args[1] as Node, input, env)) for (const p of evaluate(ctx, args[0] as Node, input, env)) yield setPath(input, p as Path, v)
  }],
  ['delpaths/1', function* (ctx, input, args, env) {
    for (const ps of evaluate(ctx, args[0] as Node, input, env)) yield deletePaths(input, ps as Path[])
  }],
  ['length/0', function* (_c, input) {
    yield length(input)
  }],
  ['utf8bytelength/0', function* (_c, input) {
    if (typeof input !== 'string') throw new JqError(`${typeOf(input)} (${brief(input)}) only strings have UTF-8 byte length`)
    yield new TextEncoder().encode(input).length
  }],
  ['keys/0', function* (_c, input) {
    yield keysOf(input, true)
  }],
  ['keys_unsorted/0', function* (_c, input) {
    yield keysOf(input, false)
  }],
  ['has/1', function* (ctx, input, args, env) {
    for (const k of evaluate(ctx, args[0] as Node, input, env)) {
      if (Array.isArray(input) && typeof k === 'number') yield k >= 0 && k < input.length
      else if (input !== null && typeof input === 'object' && !Array.isArray(input) && typeof k === 'string') yield Object.hasOwn(input, k)
      else throw new JqError(`Cannot check whether ${typeOf(input)} has a ${typeOf(k)} key`)
    }
  }],
  ['contains/1', function* (ctx, input, args, env) {
    for (const b of evaluate(ctx, args[0] as Node, input, env)) yield contains(input, b)
  }],
  ['type/0', function* (_c, input) {
    yield typeOf(input)
  }],
  ['tostring/0', function* (_c, input) {
    yield typeof input === 'string' ? input : dump(input, { indent: 0 })
  }],
  ['tonumber/0', function* (_c, input) {
    if (typeof input === 'number') yield input
    else if (typeof input === 'string' && /^\s*-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?\s*$/.test(input)) yield Number(input)
    else throw new JqError(`Cannot parse '${typeof input === 'string' ? input : brief(input)}' as JSON`)
  }],
  ['tojson/0', function* (_c, input) {
    yield dump(input, { indent: 0 })
  }],
  ['fromjson/0', function* (_c, input) {
    if (typeof input !== 'string') throw new JqError(`${typeOf(input)} (${brief(input)}) cannot be parsed as JSON`)
    try {
      const s = new JsonStream(input)
      yield s.next()
    } catch (e) {
      throw new JqError(`${e instanceof Error ? e.message : String(e)} (while parsing '${input}')`)
    }
  }],
]
