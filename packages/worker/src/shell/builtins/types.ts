/**
 * The builtin contract. Builtins are the commands that read or change the shell itself
 * (cd, export, read, trap, jobs …), so they get the interpreter, not just a context.
 */
import type { ExecEnv, Interpreter } from '../interpreter.js'
import type { ShellState } from '../state.js'

export interface BuiltinContext {
  interp: Interpreter
  name: string
  args: string[]
  env: ExecEnv
  /** Prefix assignments (`IFS=: read …`), already applied to the shell for the duration. */
  extraEnv?: Record<string, string>
  /** `local a=(1 2)`: array values of `name=(…)` arguments, by name. */
  arrays?: Map<string, string[]>
}

export interface Builtin {
  name: string
  /** One line for `help`. */
  usage: string
  run(ctx: BuiltinContext): Promise<number>
}

export const defineBuiltin = (b: Builtin): Builtin => b

export const state = (ctx: BuiltinContext): ShellState => ctx.interp.state

export async function out(ctx: BuiltinContext, text: string): Promise<void> {
  await ctx.env.io.stdout.write(text)
}

/** Prints `bash: <name>: <message>` and returns `status`. */
export async function fail(ctx: BuiltinContext, message: string, status = 1): Promise<number> {
  await ctx.interp.report(ctx.env.io.stderr, `${ctx.name}: ${message}`)
  return status
}

export const isName = (s: string): boolean => /^[A-Za-z_][A-Za-z0-9_]*$/.test(s)

/** Single-quotes a value the way `declare -p`/`alias`/`trap` print it. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, "'\\''")}'`
}

export function declareQuote(s: string): string {
  return `"${s.replace(/(["\\$`])/g, '\\$1')}"`
}
