/**
 * `defineCliCommand`: one subcommand per file, described as data (flags, positionals, exit
 * codes, examples) so parsing and `--help` come from the same definition, and `run` receives
 * typed values.
 */
import type { CliIo, Output } from './io.js'
import type { Prompter } from './prompt.js'

export interface StringFlag {
  type: 'string'
  description: string
  short?: string
  /** Shown in help as `--ttl <duration>`. */
  placeholder?: string
  required?: boolean
  default?: string
}
export interface BooleanFlag {
  type: 'boolean'
  description: string
  short?: string
}
export type FlagSpec = StringFlag | BooleanFlag

export interface PositionalSpec {
  name: string
  description: string
  required?: boolean
}

type FlagValue<F> = F extends BooleanFlag
  ? boolean
  : F extends { required: true }
    ? string
    : F extends { default: string }
      ? string
      : string | undefined

export type FlagValues<F extends Record<string, FlagSpec>> = { -readonly [K in keyof F]: FlagValue<F[K]> }
export type PositionalValues<P extends readonly PositionalSpec[]> = {
  -readonly [S in P[number] as S['name']]: S extends { required: true } ? string : string | undefined
}

export interface CliContext extends CliIo {
  out: Output
  prompt: Prompter
  /** True when the command was given `--json`. */
  json: boolean
}

export interface CliCommandSpec<F extends Record<string, FlagSpec>, P extends readonly PositionalSpec[]> {
  /** Words that select the command: `init`, `token mint`. */
  command: string
  describe: string
  positionals?: P
  flags: F
  /** The command prints data and accepts `--json`. */
  json?: boolean
  /** Exit codes this command can return, with what each means here. */
  exitCodes: Partial<Record<number, string>>
  examples?: string[]
  /** Extra paragraphs for `--help`. */
  notes?: string[]
  run(args: FlagValues<F> & PositionalValues<P>, ctx: CliContext): Promise<number | void>
}

/** The registry's view of a command, with its value types erased. */
export interface CliCommand {
  command: string
  describe: string
  positionals?: readonly PositionalSpec[]
  flags: Record<string, FlagSpec>
  json?: boolean
  exitCodes: Partial<Record<number, string>>
  examples?: string[]
  notes?: string[]
  run(args: Record<string, string | boolean | undefined>, ctx: CliContext): Promise<number | void>
}

export function defineCliCommand<
  const F extends Record<string, FlagSpec>,
  const P extends readonly PositionalSpec[] = [],
>(spec: CliCommandSpec<F, P>): CliCommand {
  return spec as unknown as CliCommand
}

/** A namespace groups commands under a word (`token`) and has its own `--help`. */
export interface CliNamespace {
  name: string
  describe: string
}

export const defineCliNamespace = (ns: CliNamespace): CliNamespace => ns
