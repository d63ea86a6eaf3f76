/** jq value operations: indexing, slicing, paths, arithmetic (the parts that need no evaluator). */
import { type Json, JqError, brief, compare, typeOf } from './json.js'

export type Path = Array<string | number | { start: number | null; end: number | null }>

export const isTruthy = (v: Json): boolean => v !== null && v !== false

const indexError = (v: Json, k: Json): JqError => {
  if (typeof k === 'string') return new JqError(`Cannot index ${typeOf(v)} with string "${k}"`)
  return new JqError(`Cannot index ${typeOf(v)} with ${typeOf(k)}`)
}

export const indexValue = (v: Json, k: Json): Json => {
  if (v === null) {
    if (typeof k === 'string' || typeof k === 'number' || (k !== null && typeof k === 'object' && !Array.isArray(k))) return null
    throw indexError(v, k)
  }
  if (typeof k === 'string') {
    if (typeof v === 'object' && !Array.isArray(v)) return Object.hasOwn(v, k) ? (v[k] as Json) : null
    throw indexError(v, k)
  }
  if (typeof k === 'number') {
    if (!Array.isArray(v)) throw indexError(v, k)
    const i = Math.floor(k)
    const j = i < 0 ? v.length + i : i
    return j >= 0 && j < v.length ? (v[j] as Json) : null
  }
  if (k !== null && typeof k === 'object' && !Array.isArray(k) && Array.isArray(v)) {
    return sliceValue(v, (k['start'] ?? null) as number | null, (k['end'] ?? null) as number | null)
  }
  if (Array.isArray(k) && Array.isArray(v)) return indices(v, k)
  throw indexError(v, k)
}

export const indices = (v: Json, k: Json): Json => {
  if (typeof v === 'string' && typeof k === 'string') {
    if (k === '') return null
    const out: number[] = []
    for (let i = v.indexOf(k); i !== -1; i = v.indexOf(k, i + 1)) out.push(i)
    return out
  }
  if (Array.isArray(v) && Array.isArray(k)) {
    const out: number[] = []
    if (k.length === 0) return null
    for (let i = 0; i + k.length <= v.length; i++) if (k.every((x, j) => compare(x, v[i + j] as Json) === 0)) out.push(i)
    return out
  }
  if (Array.isArray(v)) return indices(v, [k])
  if (v === null) return null
  throw new JqError(`Cannot determine indices of ${typeOf(k)} in ${typeOf(v)}`)
}

const clampSlice = (len: number, start: number | null, end: number | null): [number, number] => {
  let s = start === null ? 0 : Math.floor(start)
  let e = end === null ? len : Math.ceil(end)
  if (s < 0) s = Math.max(0, len + s)
  if (e < 0) e = Math.max(0, len + e)
  s = Math.min(s, len)
  e = Math.min(Math.max(e, s), len)
  return [s, e]
}

export const sliceValue = (v: Json, start: number | null, end: number | null): Json => {
  if (v === null) return null
  if (typeof v === 'string') {
    const cps = [...v]
    const [s, e] = clampSlice(cps.length, start, end)
    return cps.slice(s, e).join('')
  }
  if (Array.isArray(v)) {
    const [s, e] = clampSlice(v.length, start, end)
    return v.slice(s, e)
  }
  throw new JqError(`Cannot index ${typeOf(v)} with object`)
}

export const getPath = (v: Json, path: Path): Json => {
  let cur = v
  for (const p of path) {
    if (cur === null) return null
    cur = typeof p === 'object' ? sliceValue(cur, p.start, p.end) : indexValue(cur, p)
  }
  return cur
}

export const setPath = (v: Json, path: Path, value: Json): Json => {
  if (path.length === 0) return value
  const [p, ...rest] = path as [Path[number], ...Path]
  if (typeof p === 'string') {
    if (v !== null && (typeof v !== 'object' || Array.isArray(v))) throw indexError(v, p)
    const o = { ...((v as { [k: string]: Json }) ?? {}) }
    o[p] = setPath(o[p] ?? null, rest, value)
    return o
  }
  if (typeof p === 'number') {
    if (v !== null && !Array.isArray(v)) throw indexError(v, p)
    const a = [...((v as Json[]) ?? [])]
    let i = Math.floor(p)
    if (i < 0) {
      i += a.length
      if (i < 0) throw new JqError('Out of bounds negative array index')
    }
    while (a.length < i) a.push(null)
    a[i] = setPath(a[i] ?? null, rest, value)
    return a
  }
  if (v !== null && !Array.isArray(v)) throw new JqError(`Cannot update field at object index of ${typeOf(v)}`)
  const a = (v as Json[]) ?? []
  const [s, e] = clampSlice(a.length, p.start, p.end)
  const repl = setPath(a.slice(s, e), rest, value)
  if (!Array.isArray(repl)) throw new JqError('A slice of an array can only be assigned another array')
  return [...a.slice(0, s), ...repl, ...a.slice(e)]
}

export const deletePaths = (v: Json, paths: Path[]): Json => {
  const sorted = [...paths].sort((a, b) => compare(a as Json, b as Json)).reverse()
  let out = v
  for (const p of sorted) out = deletePath(out, p)
  return out
}

const deletePath = (v: Json, path: Path): Json => {
  if (v === null) return null
  if (path.length === 0) return null
  const [p, ...rest] = path as [Path[number], ...Path]
  if (rest.length === 0) {
    if (typeof p === 'string') {
      if (typeof v !== 'object' || Array.isArray(v)) throw new JqError(`Cannot delete field at object index of ${typeOf(v)}`)
      const o = { ...v }
      delete o[p]
      return o
    }
    if (!Array.isArray(v)) throw new JqError(`Cannot delete field at index of ${typeOf(v)}`)
    if (typeof p === 'number') {
      const i = p < 0 ? v.length + p : p
      return v.filter((_, k) => k !== i)
    }
    const [s, e] = clampSlice(v.length, p.start, p.end)
    return [...v.slice(0, s), ...v.slice(e)]
  }
  const child = typeof p === 'object' ? sliceValue(v, p.start, p.end) : indexValue(v, p)
  if (child === null) return v
  return setPath(v, [p], deletePath(child, rest))
}

export const arith = (op: string, a: Json, b: Json): Json => {
  const ta = typeOf(a)
  const tb = typeOf(b)
  const fail = (verb: string) => new JqError(`${ta} (${brief(a)}) and ${tb} (${brief(b)}) cannot be ${verb}`)
  switch (op) {
    case '+':
      if (a === null) return b
      if (b === null) return a
      if (ta === 'number' && tb === 'number') return (a as number) + (b as number)
      if (ta === 'string' && tb === 'string') return (a as string) + (b as string)
      if (ta === 'array' && tb === 'array') return [...(a as Json[]), ...(b as Json[])]
      if (ta === 'object' && tb === 'object') return { ...(a as object), ...(b as object) } as Json
      throw fail('added')
    case '-':
      if (ta === 'number' && tb === 'number') return (a as number) - (b as number)
      if (ta === 'array' && tb === 'array') return (a as Json[]).filter((x) => !(b as Json[]).some((y) => compare(x, y) === 0))
      throw fail('subtracted')
    case '*':
      if (ta === 'number' && tb === 'number') return (a as number) * (b as number)
      if ((ta === 'string' && tb === 'number') || (ta === 'number' && tb === 'string')) {
        const [s, n] = ta === 'string' ? [a as string, b as number] : [b as string, a as number]
        return n <= 0 ? null : s.repeat(Math.max(1, Math.ceil(n)))
      }
      if (ta === 'object' && tb === 'object') return deepMerge(a as { [k: string]: Json }, b as { [k: string]: Json })
      throw fail('multiplied')
    case '/':
      if (ta === 'number' && tb === 'number') {
        if (b === 0) throw new JqError(`${ta} (${brief(a)}) and ${tb} (${brief(b)}) cannot be divided because the divisor is zero`)
        return (a as number) / (b as number)
      }
      if (ta === 'string' && tb === 'string') return splitString(a as string, b as string)
      throw fail('divided')
    case '%':
      if (ta === 'number' && tb === 'number') {
        const y = Math.trunc(b as number)
        if (y === 0) throw new JqError(`${ta} (${brief(a)}) and ${tb} (${brief(b)}) cannot be divided because the divisor is zero`)
        const r = Math.trunc(a as number) % Math.abs(y)
        return r === 0 ? 0 : r
      }
      throw fail('divided')
  }
  throw new JqError(`unknown operator ${op}`)
}

export const splitString = (s: string, sep: string): Json => {
  if (s === '') return []
  return sep === '' ? [...s] : s.split(sep)
}

const deepMerge = (a: { [k: string]: Json }, b: { [k: string]: Json }): Json => {
  const out: { [k: string]: Json } = { ...a }
  for (const [k, v] of Object.entries(b)) {
    const cur = out[k]
    out[k] = cur && typeof cur === 'object' && !Array.isArray(cur) && v && typeof v === 'object' && !Array.isArray(v) ? deepMerge(cur, v) : v
  }
  return out
}

/** Cartesian evaluation of several argument filters (jq evaluates later arguments first for binops). */
