/** Helpers the native built-ins share. */
import { type EvalCtx, Env, evaluate } from './eval.js'
import { type Json } from './json.js'
import type { Node } from './ast.js'

/** Every output of `node` for `input`, as an array. */
export const one = (ctx: EvalCtx, node: Node, input: Json, env: Env): Json[] => [...evaluate(ctx, node, input, env)]
