/** jq built-in functions: natives in TypeScript (by family in natives-*.ts), the rest defined in jq itself (prelude.ts). */
import { Env, type Native, type NativePath, type Path, evaluate, getPath, isTruthy } from './eval.js'
import { type Json, JqError, dump } from './json.js'
import type { Node } from './ast.js'
import { one } from './native-util.js'
import { parseJq } from './parser.js'
import { PRELUDE } from './prelude.js'
import { coreNatives } from './natives-core.js'
import { stringNatives } from './natives-strings.js'
import { arrayMathNatives } from './natives-math.js'

export const natives: Map<string, Native> = new Map<string, Native>([
  ...coreNatives,
  ...stringNatives,
  ...arrayMathNatives,
  // Input, output and control; later entries replace earlier ones of the same name.
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
