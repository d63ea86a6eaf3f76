/**
 * One git subcommand per file, defined as data: its options go through the same
 * GNU-style parser as every other command, and a parse failure is reported the way git
 * reports it (`error: unknown switch` plus the usage, exit 129).
 */
import { parseFlags, UsageError, type FlagSpec, type FlagValues } from '../define-command.js'
import type { Git } from './context.js'

export interface GitSubcommand {
  name: string
  aliases?: readonly string[]
  /** Synopsis lines without the leading `usage: `. */
  usage: string
  summary: string
  run(g: Git, argv: string[]): Promise<number>
}

export interface GitInvocation<F extends Record<string, FlagSpec>> {
  args: string[]
  flags: FlagValues<F>
  order: Array<keyof F & string>
}

export interface GitSubcommandDefinition<F extends Record<string, FlagSpec>> {
  name: string
  aliases?: readonly string[]
  usage: string
  summary: string
  flags?: F
  numericFlag?: keyof F & string
  /** Options end at the first operand (`stash push`, `remote add`). */
  stopAtOperand?: boolean
  run(g: Git, inv: GitInvocation<F>): Promise<number>
}

const usageText = (usage: string): string =>
  usage
    .split('\n')
    .map((l, i) => `${i === 0 ? 'usage: ' : '   or: '}${l}`)
    .join('\n')

const gitWording = (message: string): string => {
  const short = /^invalid option -- '(.)'$/.exec(message)
  if (short) return `unknown switch \`${short[1]}'`
  const long = /^unrecognized option '--([^']*)'$/.exec(message)
  if (long) return `unknown option \`${long[1]}'`
  return message
}

export const defineGitCommand = <const F extends Record<string, FlagSpec> = Record<never, FlagSpec>>(
  def: GitSubcommandDefinition<F>,
): GitSubcommand => ({
  name: def.name,
  ...(def.aliases ? { aliases: def.aliases } : {}),
  usage: def.usage,
  summary: def.summary,
  async run(g, argv) {
    if (argv.length === 1 && (argv[0] === '-h' || argv[0] === '--help')) {
      await (argv[0] === '-h' ? g.err.bind(g) : g.out.bind(g))(`${usageText(def.usage)}\n\n${def.summary}\n`)
      return argv[0] === '-h' ? 129 : 0
    }
    let parsed
    try {
      parsed = parseFlags(argv, (def.flags ?? {}) as Record<string, FlagSpec>, {
        ...(def.numericFlag ? { numericFlag: def.numericFlag } : {}),
        ...(def.stopAtOperand ? { stopAtOperand: true } : {}),
      })
    } catch (e) {
      if (!(e instanceof UsageError)) throw e
      await g.err(`error: ${gitWording(e.message)}\n${usageText(def.usage)}\n`)
      return 129
    }
    if (parsed.help) {
      await g.out(`${usageText(def.usage)}\n\n${def.summary}\n`)
      return 0
    }
    return def.run(g, { args: parsed.operands, flags: parsed.values as FlagValues<F>, order: parsed.order as Array<keyof F & string> })
  },
})
