/** jq built-in functions: natives in TypeScript, the rest defined in jq itself (the prelude). */
import { strftime } from '../lib/strftime.js'
import { type EvalCtx, Env, type Native, type NativePath, type Path, deletePaths, evalPaths, evaluate, getPath, indices, isTruthy, setPath, splitString } from './eval.js'
import { type Json, JqError, brief, compare, dump, JsonStream, typeOf } from './json.js'
import { type Node, parseJq } from './parser.js'

const PRELUDE = `
def not: if . then false else true end;
def select(f): if f then . else empty end;
def values: select(. != null);
def nulls: select(. == null);
def booleans: select(type == "boolean");
def numbers: select(type == "number");
def strings: select(type == "string");
def arrays: select(type == "array");
def objects: select(type == "object");
def iterables: select(type|. == "array" or . == "object");
def scalars: select(type|. != "array" and . != "object");
def recurse(f): def r: ., (f | r); r;
def recurse(f; cond): def r: ., (f | select(cond) | r); r;
def recurse: recurse(.[]?);
def map(f): [.[] | f];
def map_values(f): .[] |= f;
def to_entries: [keys_unsorted[] as $k | {key: $k, value: .[$k]}];
def from_entries: map({(.key // .k // .name // .Name // .K // .Key | if type == "string" then . else tojson end): (if has("value") then .value else .v end)}) | add + {} // {};
def with_entries(f): to_entries | map(f) | from_entries;
def add: reduce .[] as $x (null; . + $x);
def any: reduce .[] as $x (false; . or $x);
def all: reduce .[] as $x (true; . and $x);
def any(f): reduce (.[] | f) as $x (false; . or $x);
def all(f): reduce (.[] | f) as $x (true; . and $x);
def isempty(g): first((g | false), true);
def any(g; cond): isempty(first(g | cond | select(.))) | not;
def all(g; cond): isempty(first(g | cond | select(. | not)));
def in(xs): . as $x | xs | has($x);
def inside(xs): . as $x | xs | contains($x);
def del(f): delpaths([path(f)]);
def paths: path(..) | select(length > 0);
def paths(node_filter): . as $dot | paths | select(. as $p | $dot | getpath($p) | node_filter);
def leaf_paths: paths(scalars);
def first(f): label $__first | (f | ., break $__first);
def first: .[0];
def last(f): reduce f as $x (null; $x);
def last: .[-1];
def nth($n): .[$n];
def nth($n; f): if $n < 0 then error("Out of bounds negative array index") else last(limit($n + 1; f)) end;
def until(cond; update): def _until: if cond then . else (update | _until) end; _until;
def while(cond; update): def _while: if cond then ., (update | _while) else empty end; _while;
def repeat(f): def _repeat: ., (f | _repeat); _repeat;
def range($x): range(0; $x);
def flatten: flatten(1e9);
def unique_by(f): [group_by(f)[] | .[0]];
def max_by(f): _max_by(map([f]));
def min_by(f): _min_by(map([f]));
def walk(f): def w: if type == "object" then map_values(w) elif type == "array" then map(w) else . end | f; w;
def env: $ENV;
def splits($re): splits($re; null);
def splits($re; flags): split($re; flags) | .[];
def capture(re): capture(re; null);
def capture(re; flags): match(re; flags) | [.captures | .[] | select(.name != null) | { key: .name, value: .string }] | from_entries;
def scan(re): scan(re; null);
def scan(re; $flags): match(re; "g" + ($flags // "")) | if (.captures | length > 0) then [ .captures | .[] | .string ] else .string end;
def test(re): test(re; null);
def match(re): match(re; null);
def sub(re; str): sub(re; str; "");
def gsub(re; str): sub(re; str; "g");
def gsub(re; str; flags): sub(re; str; flags + "g");
def ascii: [.] | implode;
def todate: strftime("%Y-%m-%dT%H:%M:%SZ");
def todateiso8601: todate;
def fromdate: fromdateiso8601;
def dateadd(u; n): . + n;
def transpose: if . == [] then [] else . as $in | (map(length) | max) as $max | [range(0; $max) as $j | [range(0; $in | length) as $i | $in[$i][$j]]] end;
def index($i): indices($i) | .[0];
def rindex($i): indices($i) | .[-1:][0];
def IN(s): any(s == .; .);
def IN(src; s): any(src == s; .);
def INDEX(stream; idx_expr): reduce stream as $row ({}; .[$row | idx_expr | tostring] |= $row);
def INDEX(idx_expr): INDEX(.[]; idx_expr);
def combinations: if length == 0 then [] else .[0][] as $x | (.[1:] | combinations) as $w | [$x] + $w end;
def combinations(n): . as $dot | [range(n)] | map($dot) | combinations;
def tostream: path(def r: (.[]? | r), .; r) as $p | getpath($p) | reduce path(.[]?) as $q ([$p, .]; [$p + $q]);
def halt_error: halt_error(5);
def error: error(.);
def finites: select(isinfinite or isnan | not);
def normals: select(isnormal);
def todate(f): strftime(f);
def getpath_or_null(p): getpath(p);
def ltrimstr($x): if type == "string" and ($x | type) == "string" and startswith($x) then .[($x | length):] else . end;
def rtrimstr($x): if type == "string" and ($x | type) == "string" and endswith($x) and ($x | length) > 0 then .[:length - ($x | length)] else . end;
def input_line_number: 0;
def significand: if . == 0 then 0 else . as $x | ($x | fabs | log2 | floor) as $e | $x / pow(2; $e) end;
def splits_compat: .;
`

const one = (ctx: EvalCtx, node: Node, input: Json, env: Env): Json[] => [...evaluate(ctx, node, input, env)]

const num = (name: string, f: (x: number) => number): [string, Native] => [
  `${name}/0`,
  function* (_ctx, input) {
    if (typeof input !== 'number') throw new JqError(`${typeOf(input)} (${brief(input)}) number required`)
    yield f(input)
  },
]

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

export const natives: Map<string, Native> = new Map<string, Native>([
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
  ['input/0', function* (ctx) {
    const v = ctx.nextInput()
    if (v === undefined) throw new JqError('No more inputs')
    yield v
  }],
  ['inputs/0', function* (ctx) {
    for (let v = ctx.nextInput(); v !== undefined; v = ctx.nextInput()) yield v
  }],
  ['debug/0', function* (ctx, input) {
    ctx.stderr(`["DEBUG:",${dump(input, { indent: 0 })}]\n`)
    yield input
  }],
  ['stderr/0', function* (ctx, input) {
    ctx.stderr(dump(input, { indent: 0 }))
    yield input
  }],
  ['input_filename/0', function* () {
    yield null
  }],
  ['halt/0', function* () {
    throw new HaltSignal(0)
  }],
  ['halt_error/1', function* (ctx, input, args, env) {
    for (const code of evaluate(ctx, args[0] as Node, input, env)) throw new HaltSignal(code as number, input)
  }],
  ['builtins/0', function* (): Generator<Json> {
    yield [...natives.keys()]
  }],
  ['tojson/0', function* (_c, input) {
    yield dump(input, { indent: 0 })
  }],
  ['getpath/1', function* (ctx, input, args, env) {
    for (const p of evaluate(ctx, args[0] as Node, input, env)) {
      try {
        yield getPath(input, p as Path)
      } catch (e) {
        if (!(e instanceof JqError)) throw e
        yield null
      }
    }
  }],
  ['isvalid/1', function* (ctx, input, args, env) {
    try {
      one(ctx, args[0] as Node, input, env)
      yield true
    } catch {
      yield false
    }
  }],
  ['tostream_unused/0', function* () {}],
])

export class HaltSignal {
  constructor(
    readonly code: number,
    readonly value?: Json,
  ) {}
}

export const nativePaths = new Map<string, NativePath>([
  ['empty/0', function* () {}],
  ['error/1', function* (ctx, input, args, env) {
    for (const m of evaluate(ctx, args[0] as Node, input, env)) throw new JqError(m)
  }],
  ['getpath/1', function* (ctx, input, args, env, path, root) {
    for (const p of evaluate(ctx, args[0] as Node, input, env)) {
      const full = [...path, ...(p as Path)]
      let v: Json = null
      try {
        v = getPath(root, full)
      } catch {
        v = null
      }
      yield [full, v]
    }
  }],
  ['select_unused/0', function* () {}],
])

let preludeEnv: Env | undefined
/** The environment holding the prelude's definitions (parsed once). */
export const baseEnv = (): Env => {
  if (preludeEnv) return preludeEnv
  const env = new Env(undefined)
  // The prelude is a chain of defs ending in `.`; walk it to collect the closures.
  let node = parseJq(`${PRELUDE} .`)
  while (node.k === 'def') {
    env.funcs.set(`${node.name}/${node.params.length}`, { params: node.params, body: node.body, env })
    node = node.rest
  }
  preludeEnv = env
  return env
}

export { isTruthy }
