/**
 * `defineCommand`: a command's flags are data, parsed here the way GNU getopt does
 * (combined short flags, `-n5`/`-n 5`, `--lines=5`, unique long prefixes, `--` ends
 * options, options after operands), so every command gets `--help` and the same
 * error wording for free. Commands with their own grammar (awk, find, test…) set
 * `rawArgs` and parse `ctx.args` themselves.
 */
import { BrokenPipeError, type Command, type CommandContext } from './types.js'

export interface FlagSpec {
  type: 'boolean' | 'string' | 'number'
  /** Short letter; a one-letter key is its own short name. */
  short?: string
  /** Long name without `--`; a longer key is its own long name. Extra spellings in `alias`. */
  long?: string
  alias?: readonly string[]
  /** Booleans count repeats, strings/numbers collect into an array. */
  repeatable?: boolean
  /** Long option whose value may be omitted (`--color` vs `--color=never`). */
  optionalValue?: boolean
  default?: string | number | boolean
  /** Name of the value in help (`N`, `FILE`). */
  arg?: string
  description: string
}

type ValueOf<S extends FlagSpec> = S['type'] extends 'boolean'
  ? S extends { repeatable: true }
    ? number
    : boolean
  : S extends { repeatable: true }
    ? Array<S['type'] extends 'number' ? number : string>
    : S extends { default: string | number }
      ? S['type'] extends 'number'
        ? number
        : string
      : (S['type'] extends 'number' ? number : string) | undefined

export type FlagValues<F extends Record<string, FlagSpec>> = { [K in keyof F]: ValueOf<F[K]> }

export interface RunContext<F extends Record<string, FlagSpec>> extends CommandContext {
  /** Operands: the arguments left once options are parsed (all arguments with `rawArgs`). */
  args: string[]
  /** The arguments exactly as given. */
  rawArgs: string[]
  flags: FlagValues<F>
  /** Which flags were given, in order (for commands where the last of -a/-b wins). */
  order: Array<keyof F & string>
}

export interface CommandDefinition<F extends Record<string, FlagSpec>> {
  name: string
  /** Other names for the same command (`[` for test, `more` for less). */
  aliases?: readonly string[]
  usage: string
  description: string
  flags?: F
  /** `head -5`: a lone `-N` sets this flag. */
  numericFlag?: keyof F & string
  /** Options end at the first operand (echo, env, xargs, timeout). */
  stopAtOperand?: boolean
  /** `-5` is a negative number operand, not an option (seq). */
  negativeOperands?: boolean
  /** Skip option parsing entirely; `--help` is still recognised when it is the only argument. */
  rawArgs?: boolean
  /** bash's `echo` prints `--help` literally; such commands turn help off. */
  noHelp?: boolean
  /** Exit status for usage errors (GNU: 1 for most coreutils, 2 for ls, grep, sort, diff). */
  usageStatus?: number
  /** Extra help text after the option list. */
  helpFooter?: string
  run(ctx: RunContext<F>): Promise<number>
}

/** A usage mistake on the command line; `message` is printed after `<cmd>: `. */
export class UsageError extends Error {
  override readonly name = 'UsageError'
  constructor(
    message: string,
    readonly hint = true,
  ) {
    super(message)
  }
}

const longOf = (key: string, s: FlagSpec): string[] => {
  const names = s.long !== undefined ? [s.long] : key.length > 1 ? [key] : []
  return [...names, ...(s.alias ?? [])]
}
const shortOf = (key: string, s: FlagSpec): string | undefined => s.short ?? (key.length === 1 ? key : undefined)

/** Help text: usage, description, one line per flag. */
export const helpText = (def: CommandDefinition<Record<string, FlagSpec>>): string => {
  const rows: Array<[string, string]> = []
  for (const [key, s] of Object.entries(def.flags ?? {})) {
    const short = shortOf(key, s)
    const longs = longOf(key, s)
    const arg = s.type === 'boolean' ? '' : (s.arg ?? (s.type === 'number' ? 'N' : 'VALUE'))
    let left = short ? `-${short}` : '    '
    if (longs[0]) left += `${short ? ', ' : ''}--${longs[0]}${arg ? (s.optionalValue ? `[=${arg}]` : `=${arg}`) : ''}`
    else if (arg) left += ` ${arg}`
    rows.push([left, s.description])
  }
  rows.push(['    --help', 'display this help and exit'])
  const width = Math.min(30, Math.max(...rows.map(([l]) => l.length)) + 2)
  const lines = rows.map(([l, d]) => `  ${l.padEnd(width)}${l.length >= width ? `\n  ${''.padEnd(width)}` : ''}${d}`)
  return `Usage: ${def.usage}\n${def.description}\n\n${def.flags && Object.keys(def.flags).length ? 'Options:\n' : ''}${lines.join('\n')}\n${def.helpFooter ? `\n${def.helpFooter.replace(/\n?$/, '\n')}` : ''}`
}

interface Parsed {
  operands: string[]
  values: Record<string, unknown>
  order: string[]
  help: boolean
}

/** GNU-getopt-style parse of `args` against `flags`. Throws UsageError. */
export const parseFlags = (
  args: readonly string[],
  flags: Record<string, FlagSpec>,
  opts: { numericFlag?: string; stopAtOperand?: boolean; negativeOperands?: boolean } = {},
): Parsed => {
  const values: Record<string, unknown> = {}
  for (const [key, s] of Object.entries(flags)) {
    if (s.repeatable) values[key] = s.type === 'boolean' ? 0 : []
    else values[key] = s.default ?? (s.type === 'boolean' ? false : undefined)
  }
  const byShort = new Map<string, string>()
  const byLong = new Map<string, string>()
  for (const [key, s] of Object.entries(flags)) {
    const sh = shortOf(key, s)
    if (sh) byShort.set(sh, key)
    for (const l of longOf(key, s)) byLong.set(l, key)
  }
  const order: string[] = []
  const operands: string[] = []
  let help = false

  const set = (key: string, raw: string | undefined, shown: string) => {
    const s = flags[key] as FlagSpec
    order.push(key)
    if (s.type === 'boolean') {
      values[key] = s.repeatable ? (values[key] as number) + 1 : true
      return
    }
    let v: string | number | undefined = raw
    if (s.type === 'number' && raw !== undefined) {
      const n = Number(raw.trim())
      if (raw.trim() === '' || !Number.isFinite(n)) throw new UsageError(`invalid argument '${raw}' for '${shown}'`)
      v = n
    }
    if (s.repeatable) (values[key] as unknown[]).push(v)
    else values[key] = v ?? s.default ?? ''
  }

  for (let i = 0; i < args.length; i++) {
    const a = args[i] as string
    if (a === '--') {
      operands.push(...args.slice(i + 1))
      break
    }
    if (a.startsWith('--')) {
      const eq = a.indexOf('=')
      const name = eq === -1 ? a.slice(2) : a.slice(2, eq)
      if (name === 'help' || ('help'.startsWith(name) && name.length >= 3 && ![...byLong.keys()].some((l) => l.startsWith(name)))) {
        help = true
        continue
      }
      let key = byLong.get(name)
      if (key === undefined) {
        const matches = [...byLong.entries()].filter(([l]) => l.startsWith(name))
        const keys = new Set(matches.map(([, k]) => k))
        if (keys.size === 0) throw new UsageError(`unrecognized option '${eq === -1 ? a : a.slice(0, eq)}'`)
        if (keys.size > 1) {
          throw new UsageError(`option '--${name}' is ambiguous; possibilities:${matches.map(([l]) => ` '--${l}'`).join('')}`)
        }
        key = matches[0]?.[1] as string
      }
      const s = flags[key] as FlagSpec
      const long = longOf(key, s)[0] ?? name
      if (s.type === 'boolean') {
        if (eq !== -1) throw new UsageError(`option '--${long}' doesn't allow an argument`)
        set(key, undefined, `--${long}`)
      } else if (eq !== -1) set(key, a.slice(eq + 1), `--${long}`)
      else if (s.optionalValue) set(key, undefined, `--${long}`)
      else {
        if (i + 1 >= args.length) throw new UsageError(`option '--${long}' requires an argument`)
        set(key, args[++i], `--${long}`)
      }
      continue
    }
    if (a.startsWith('-') && a.length > 1 && !(opts.negativeOperands && /^-\.?\d/.test(a))) {
      if (opts.numericFlag && /^-\d+$/.test(a)) {
        set(opts.numericFlag, a.slice(1), a)
        continue
      }
      for (let j = 1; j < a.length; j++) {
        const ch = a[j] as string
        const key = byShort.get(ch)
        if (key === undefined) throw new UsageError(`invalid option -- '${ch}'`)
        const s = flags[key] as FlagSpec
        if (s.type === 'boolean') {
          set(key, undefined, `-${ch}`)
          continue
        }
        const rest = a.slice(j + 1)
        if (rest !== '') set(key, rest, `-${ch}`)
        else if (s.optionalValue) set(key, undefined, `-${ch}`)
        else {
          if (i + 1 >= args.length) throw new UsageError(`option requires an argument -- '${ch}'`)
          set(key, args[++i], `-${ch}`)
        }
        break
      }
      continue
    }
    if (opts.stopAtOperand) {
      operands.push(...args.slice(i))
      break
    }
    operands.push(a)
  }
  return { operands, values, order, help }
}

/** Builds a Command from a definition; see the module comment for the parsing rules. */
export const defineCommand = <const F extends Record<string, FlagSpec> = Record<never, FlagSpec>>(
  def: CommandDefinition<F>,
): Command => {
  const flags = (def.flags ?? {}) as Record<string, FlagSpec>
  const generic = def as unknown as CommandDefinition<Record<string, FlagSpec>>
  return {
    name: def.name,
    ...(def.aliases ? { aliases: def.aliases } : {}),
    usage: def.usage,
    description: def.description,
    async run(ctx: CommandContext): Promise<number> {
      const status = def.usageStatus ?? 1
      let parsed: Parsed
      if (def.rawArgs) {
        if (!def.noHelp && ctx.args.length === 1 && ctx.args[0] === '--help') {
          await ctx.stdout.write(helpText(generic))
          return 0
        }
        parsed = { operands: [...ctx.args], values: {}, order: [], help: false }
      } else {
        try {
          parsed = parseFlags(ctx.args, flags, {
            ...(def.numericFlag ? { numericFlag: def.numericFlag } : {}),
            ...(def.stopAtOperand ? { stopAtOperand: true } : {}),
            ...(def.negativeOperands ? { negativeOperands: true } : {}),
          })
        } catch (e) {
          if (!(e instanceof UsageError)) throw e
          await ctx.stderr.write(`${ctx.name}: ${e.message}\nTry '${ctx.name} --help' for more information.\n`)
          return status
        }
        if (parsed.help) {
          await ctx.stdout.write(helpText(generic))
          return 0
        }
      }
      // Inherit from ctx so accessors and methods the shell put there keep working.
      const runCtx = Object.assign(Object.create(ctx) as object, {
        args: parsed.operands,
        rawArgs: [...ctx.args],
        flags: parsed.values,
        order: parsed.order,
      }) as RunContext<F>
      try {
        return await def.run(runCtx)
      } catch (e) {
        // The reader of our stdout went away: end quietly, as SIGPIPE would (128 + 13).
        if (e instanceof BrokenPipeError) return 141
        if (!(e instanceof UsageError)) throw e
        await ctx.stderr.write(`${ctx.name}: ${e.message}\n${e.hint ? `Try '${ctx.name} --help' for more information.\n` : ''}`)
        return status
      }
    },
  }
}
