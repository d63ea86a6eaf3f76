/**
 * The dispatcher: picks the command from the leading words, parses its flags with Node's
 * `util.parseArgs`, prints help, runs it, and turns errors into messages and exit codes.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util'
import { commands, namespaces } from './commands/index.js'
import type { CliCommand, CliContext } from './define.js'
import { CliError } from './errors.js'
import { EXIT } from './exit-codes.js'
import { commandHelp, namespaceHelp, rootHelp, usageLine } from './help.js'
import { Output, type CliIo } from './io.js'
import { createPrompter } from './prompt.js'
import { cliVersion } from './version.js'

type Resolved =
  | { kind: 'command'; cmd: CliCommand; rest: string[] }
  | { kind: 'namespace'; name: string; rest: string[] }
  | { kind: 'unknown'; word: string }
  | { kind: 'root'; rest: string[] }

function resolve(argv: readonly string[]): Resolved {
  const [first, second] = argv
  if (first === undefined || first.startsWith('-')) return { kind: 'root', rest: [...argv] }
  const two = second !== undefined ? commands.find((c) => c.command === `${first} ${second}`) : undefined
  if (two) return { kind: 'command', cmd: two, rest: argv.slice(2) }
  const one = commands.find((c) => c.command === first)
  if (one) return { kind: 'command', cmd: one, rest: argv.slice(1) }
  if (namespaces.some((n) => n.name === first)) return { kind: 'namespace', name: first, rest: argv.slice(1) }
  return { kind: 'unknown', word: first }
}

const wantsHelp = (args: readonly string[]): boolean => args.includes('--help') || args.includes('-h')

function parseCommandArgs(cmd: CliCommand, rest: string[]): { values: Record<string, string | boolean | undefined>; json: boolean } {
  const options: NonNullable<ParseArgsConfig['options']> = {}
  for (const [name, flag] of Object.entries(cmd.flags)) {
    options[name] = { type: flag.type, ...(flag.short ? { short: flag.short } : {}) }
  }
  if (cmd.json) options['json'] = { type: 'boolean' }
  let parsed: ReturnType<typeof parseArgs>
  try {
    parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true })
  } catch (err) {
    const message = err instanceof Error ? err.message.replace(/\. To specify a positional.*$/s, '') : String(err)
    throw new CliError('E_USAGE', message, EXIT.USAGE, `Usage: ${usageLine(cmd)}\nRun \`nimbus ${cmd.command} --help\` for details.`)
  }
  const values: Record<string, string | boolean | undefined> = {}
  for (const [name, flag] of Object.entries(cmd.flags)) {
    const v = parsed.values[name]
    const value = Array.isArray(v) ? v.at(-1) : v
    if (flag.type === 'boolean') values[name] = value === true
    else {
      const s = typeof value === 'string' ? value : flag.default
      if (flag.required && (s === undefined || s === '')) {
        throw new CliError('E_USAGE', `missing required option --${name}`, EXIT.USAGE, `Usage: ${usageLine(cmd)}`)
      }
      values[name] = s
    }
  }
  const specs = cmd.positionals ?? []
  if (parsed.positionals.length > specs.length) {
    throw new CliError('E_USAGE', `unexpected argument "${parsed.positionals[specs.length]}"`, EXIT.USAGE, `Usage: ${usageLine(cmd)}`)
  }
  specs.forEach((spec, i) => {
    const value = parsed.positionals[i]
    if (spec.required && value === undefined) {
      throw new CliError('E_USAGE', `missing argument <${spec.name}>`, EXIT.USAGE, `Usage: ${usageLine(cmd)}`)
    }
    values[spec.name] = value
  })
  return { values, json: parsed.values['json'] === true }
}

/** Runs the CLI with `argv` (without the node and script paths); resolves to the exit code. */
export async function runCli(argv: readonly string[], io: CliIo): Promise<number> {
  // `nimbus help token mint` is `nimbus token mint --help`.
  if (argv[0] === 'help') return runCli([...argv.slice(1), '--help'], io)
  const out = new Output(io)
  const resolved = resolve(argv)
  if (resolved.kind === 'root') {
    if (resolved.rest.includes('--version')) {
      out.log(cliVersion())
      return EXIT.OK
    }
    if (resolved.rest.length === 0 || wantsHelp(resolved.rest)) {
      io.stdout.write(rootHelp(cliVersion(), commands, out.style))
      return EXIT.OK
    }
    out.error(`unknown option "${resolved.rest[0]}"`, 'Run `nimbus --help` for the list of commands.')
    return EXIT.USAGE
  }
  if (resolved.kind === 'unknown') {
    out.error(`unknown command "${resolved.word}"`, 'Run `nimbus --help` for the list of commands.')
    return EXIT.USAGE
  }
  if (resolved.kind === 'namespace') {
    const ns = namespaces.find((n) => n.name === resolved.name)
    const members = commands.filter((c) => c.command.startsWith(`${resolved.name} `))
    if (!ns) return EXIT.USAGE
    const sub = resolved.rest[0]
    if (sub !== undefined && !sub.startsWith('-')) {
      out.error(`unknown command "${resolved.name} ${sub}"`, `Run \`nimbus ${resolved.name} --help\` for its commands.`)
      return EXIT.USAGE
    }
    io.stdout.write(namespaceHelp(ns, members, out.style))
    return sub === undefined || wantsHelp(resolved.rest) ? EXIT.OK : EXIT.USAGE
  }

  const { cmd, rest } = resolved
  if (wantsHelp(rest)) {
    io.stdout.write(commandHelp(cmd, out.style))
    return EXIT.OK
  }
  let json = rest.includes('--json') && cmd.json === true
  try {
    const parsed = parseCommandArgs(cmd, rest)
    json = parsed.json
    const ctx: CliContext = { ...io, out, json, prompt: createPrompter(io.stdin, io.stderr) }
    const code = await cmd.run(parsed.values, ctx)
    return code ?? EXIT.OK
  } catch (err) {
    return reportError(err, out, json, io.env)
  }
}

function reportError(err: unknown, out: Output, json: boolean, env: Record<string, string | undefined>): number {
  let code: string
  let message: string
  let hint: string | undefined
  let exit: number
  if (err instanceof CliError) {
    ;({ code, message, hint } = err)
    exit = err.exitCode
  } else if (err instanceof Error && err.name === 'NimbusConfigError') {
    code = 'code' in err && typeof err.code === 'string' ? err.code : 'E_CONFIG_INVALID'
    message = err.message
    exit = EXIT.LOCAL
  } else {
    code = 'E_INTERNAL'
    message = `internal error: ${err instanceof Error ? err.message : String(err)}`
    hint = env['NIMBUS_DEBUG'] && err instanceof Error ? err.stack : 'Set NIMBUS_DEBUG=1 for a stack trace, and please report this.'
    exit = EXIT.FAILURE
  }
  out.error(message, hint)
  if (json) out.json({ ok: false, error: message, code })
  return exit
}
