/** jq natives on strings: case, explode/implode, split/join, prefixes, regular expressions (test, match, sub). */
import { type Native, evaluate, indices, splitString } from './eval.js'
import { type Json, JqError, brief, dump, typeOf } from './json.js'
import type { Node } from './ast.js'
import { one } from './native-util.js'

const regexOf = (re: Json, flags: Json): { rx: RegExp; global: boolean; skipEmpty: boolean } => {
  if (typeof re !== 'string') throw new JqError(`${typeOf(re)} (${brief(re)}) cannot be matched, as it is not a string`)
  const f = flags === null ? '' : String(flags)
  let src = re
  if (f.includes('x')) src = src.replace(/\\#/g, '\u0000').replace(/\s+|#.*$/gm, '').replace(/\u0000/g, '\\#')
  src = src.replace(/\(\?<([A-Za-z_][A-Za-z0-9_]*)>/g, '(?<$1>')
  let js = 'gu'
  if (f.includes('i')) js += 'i'
  if (f.includes('s')) js += 's'
  try {
    return { rx: new RegExp(src, js), global: f.includes('g'), skipEmpty: f.includes('n') }
  } catch {
    throw new JqError(`${re} (at offset 0) is not a valid regex`)
  }
}

const matchObjects = (s: string, re: Json, flags: Json): Json[] => {
  const { rx, global, skipEmpty } = regexOf(re, flags)
  const out: Json[] = []
  const cpIndex = (i: number) => [...s.slice(0, i)].length
  for (const m of s.matchAll(rx)) {
    if (skipEmpty && m[0] === '') continue
    const names = Object.entries(m.groups ?? {})
    const groupNames: Array<string | null> = []
    // Map capture numbers to names by scanning the source for named groups in order.
    const src = rx.source
    let gi = 0
    for (let i = 0; i < src.length; i++) {
      if (src[i] === '\\') {
        i++
        continue
      }
      if (src[i] === '(' && src[i + 1] !== '?') groupNames[gi++] = null
      else if (src[i] === '(' && src.startsWith('?<', i + 1) && src[i + 3] !== '=' && src[i + 3] !== '!') {
        const end = src.indexOf('>', i)
        groupNames[gi++] = src.slice(i + 3, end)
      }
    }
    void names
    const captures: Json[] = []
    for (let g = 1; g < m.length; g++) {
      const text = m[g]
      const offset = text === undefined ? -1 : cpIndex(s.indexOf(text, m.index))
      captures.push({ offset, length: text === undefined ? 0 : [...text].length, string: text ?? null, name: groupNames[g - 1] ?? null })
    }
    out.push({ offset: cpIndex(m.index ?? 0), length: [...m[0]].length, string: m[0], captures })
    if (!global) break
  }
  return out
}

export const stringNatives: Array<[string, Native]> = [
  ['ascii_downcase/0', function* (_c, input) {
    if (typeof input !== 'string') throw new JqError(`${typeOf(input)} (${brief(input)}) cannot be ascii_downcased`)
    yield input.replace(/[A-Z]/g, (c) => c.toLowerCase())
  }],
  ['ascii_upcase/0', function* (_c, input) {
    if (typeof input !== 'string') throw new JqError(`${typeOf(input)} (${brief(input)}) cannot be ascii_upcased`)
    yield input.replace(/[a-z]/g, (c) => c.toUpperCase())
  }],
  ['explode/0', function* (_c, input) {
    if (typeof input !== 'string') throw new JqError(`${typeOf(input)} (${brief(input)}) cannot be exploded`)
    yield [...input].map((c) => c.codePointAt(0) as number)
  }],
  ['implode/0', function* (_c, input) {
    if (!Array.isArray(input)) throw new JqError(`${typeOf(input)} (${brief(input)}) cannot be imploded`)
    yield String.fromCodePoint(...input.map((x) => Number(x)))
  }],
  ['split/1', function* (ctx, input, args, env) {
    for (const sep of evaluate(ctx, args[0] as Node, input, env)) {
      if (typeof input !== 'string' || typeof sep !== 'string') throw new JqError('split input and separator must be strings')
      yield splitString(input, sep)
    }
  }],
  ['split/2', function* (ctx, input, args, env) {
    for (const flags of evaluate(ctx, args[1] as Node, input, env)) {
      for (const re of evaluate(ctx, args[0] as Node, input, env)) {
        if (typeof input !== 'string') throw new JqError(`${typeOf(input)} (${brief(input)}) cannot be matched, as it is not a string`)
        const out: string[] = []
        let last = 0
        for (const m of matchObjects(input, re, `g${flags ?? ''}`) as Array<{ offset: number; length: number }>) {
          const cps = [...input]
          out.push(cps.slice(last, m.offset).join(''))
          last = m.offset + m.length
        }
        out.push([...input].slice(last).join(''))
        yield out
      }
    }
  }],
  ['join/1', function* (ctx, input, args, env) {
    for (const sep of evaluate(ctx, args[0] as Node, input, env)) {
      if (!Array.isArray(input)) throw new JqError(`Cannot iterate over ${typeOf(input)}`)
      if (typeof sep !== 'string') throw new JqError(`${typeOf(sep)} (${brief(sep)}) and string cannot be added`)
      yield input
        .map((x) => {
          if (x === null) return ''
          if (typeof x === 'string') return x
          if (typeof x === 'number' || typeof x === 'boolean') return dump(x, { indent: 0 })
          throw new JqError(`Cannot join with ${typeOf(x)}`)
        })
        .join(sep)
    }
  }],
  ['startswith/1', function* (ctx, input, args, env) {
    for (const s of evaluate(ctx, args[0] as Node, input, env)) {
      if (typeof input !== 'string' || typeof s !== 'string') throw new JqError('startswith() requires string inputs')
      yield input.startsWith(s)
    }
  }],
  ['endswith/1', function* (ctx, input, args, env) {
    for (const s of evaluate(ctx, args[0] as Node, input, env)) {
      if (typeof input !== 'string' || typeof s !== 'string') throw new JqError('endswith() requires string inputs')
      yield input.endsWith(s)
    }
  }],
  ['test/2', function* (ctx, input, args, env) {
    for (const flags of evaluate(ctx, args[1] as Node, input, env)) {
      for (const re of evaluate(ctx, args[0] as Node, input, env)) {
        if (typeof input !== 'string') throw new JqError(`${typeOf(input)} (${brief(input)}) cannot be matched, as it is not a string`)
        yield matchObjects(input, re, flags).length > 0
      }
    }
  }],
  ['match/2', function* (ctx, input, args, env) {
    for (const flags of evaluate(ctx, args[1] as Node, input, env)) {
      for (const re of evaluate(ctx, args[0] as Node, input, env)) {
        if (typeof input !== 'string') throw new JqError(`${typeOf(input)} (${brief(input)}) cannot be matched, as it is not a string`)
        yield* matchObjects(input, re, flags)
      }
    }
  }],
  ['sub/3', function* (ctx, input, args, env) {
    if (typeof input !== 'string') throw new JqError(`${typeOf(input)} (${brief(input)}) cannot be matched, as it is not a string`)
    for (const flags of evaluate(ctx, args[2] as Node, input, env)) {
      for (const re of evaluate(ctx, args[0] as Node, input, env)) {
        const ms = matchObjects(input, re, flags) as Array<{ offset: number; length: number; captures: Array<{ name: string | null; string: string | null }> }>
        const cps = [...input]
        let results: string[] = ['']
        let last = 0
        for (const m of ms) {
          const capObj: { [k: string]: Json } = {}
          for (const c of m.captures) if (c.name) capObj[c.name] = c.string
          const pre = cps.slice(last, m.offset).join('')
          const reps = one(ctx, args[1] as Node, capObj, env)
          const next: string[] = []
          for (const r of results) for (const rep of reps) {
            if (typeof rep !== 'string') throw new JqError(`${typeOf(rep)} (${brief(rep)}) cannot be added to a string`)
            next.push(r + pre + rep)
          }
          results = next
          last = m.offset + m.length
        }
        const tail = cps.slice(last).join('')
        for (const r of results) yield r + tail
      }
    }
  }],
  ['ltrimstr/1', function* (ctx, input, args, env) {
    for (const s of evaluate(ctx, args[0] as Node, input, env)) yield typeof input === 'string' && typeof s === 'string' && input.startsWith(s) ? input.slice(s.length) : input
  }],
  ['rtrimstr/1', function* (ctx, input, args, env) {
    for (const s of evaluate(ctx, args[0] as Node, input, env)) yield typeof input === 'string' && typeof s === 'string' && s !== '' && input.endsWith(s) ? input.slice(0, -s.length) : input
  }],
  ['indices/1', function* (ctx, input, args, env) {
    for (const k of evaluate(ctx, args[0] as Node, input, env)) yield indices(input, k)
  }],
]
