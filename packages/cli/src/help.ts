/** Renders `--help` text from command definitions, so help cannot drift from parsing. */
import type { CliCommand, CliNamespace, FlagSpec } from './define.js'
import { EXIT_CODE_DOCS } from './exit-codes.js'
import type { Style } from './style.js'

const pad = (s: string, n: number): string => (s.length >= n ? s + '  ' : s.padEnd(n))

function flagLabel(name: string, flag: FlagSpec): string {
  const short = flag.short ? `-${flag.short}, ` : '    '
  const value = flag.type === 'string' ? ` <${flag.placeholder ?? 'value'}>` : ''
  return `${short}--${name}${value}`
}

function flagText(flag: FlagSpec): string {
  if (flag.type === 'string' && flag.required) return `${flag.description} (required)`
  if (flag.type === 'string' && flag.default !== undefined) return `${flag.description} (default: ${flag.default})`
  return flag.description
}

export function usageLine(cmd: CliCommand): string {
  const parts = [`nimbus ${cmd.command}`]
  for (const p of cmd.positionals ?? []) parts.push(p.required ? `<${p.name}>` : `[${p.name}]`)
  for (const [name, flag] of Object.entries(cmd.flags)) {
    if (flag.type === 'string' && flag.required) parts.push(`--${name} <${flag.placeholder ?? 'value'}>`)
  }
  parts.push('[options]')
  return parts.join(' ')
}

export function commandHelp(cmd: CliCommand, s: Style): string {
  const lines = [`${s.bold(`nimbus ${cmd.command}`)}: ${cmd.describe}`, '', `Usage: ${usageLine(cmd)}`]
  if (cmd.positionals?.length) {
    lines.push('', s.bold('Arguments:'))
    for (const p of cmd.positionals) lines.push(`  ${pad(p.name, 24)}${p.description}${p.required ? ' (required)' : ''}`)
  }
  lines.push('', s.bold('Options:'))
  for (const [name, flag] of Object.entries(cmd.flags)) lines.push(`  ${pad(flagLabel(name, flag), 28)}${flagText(flag)}`)
  if (cmd.json) lines.push(`  ${pad('    --json', 28)}Print the result as one JSON document`)
  lines.push(`  ${pad('-h, --help', 28)}Show this help`)
  for (const note of cmd.notes ?? []) lines.push('', note)
  lines.push('', s.bold('Exit codes:'))
  for (const [code, text] of Object.entries(cmd.exitCodes)) lines.push(`  ${pad(code, 4)}${text}`)
  if (cmd.examples?.length) {
    lines.push('', s.bold('Examples:'))
    for (const ex of cmd.examples) lines.push(`  ${ex}`)
  }
  return lines.join('\n') + '\n'
}

function commandRows(cmds: readonly CliCommand[]): string[] {
  return cmds.map((c) => {
    const args = (c.positionals ?? []).map((p) => (p.required ? `<${p.name}>` : `[${p.name}]`)).join(' ')
    return `  ${pad(`${c.command}${args ? ' ' + args : ''}`, 24)}${c.describe}`
  })
}

export function namespaceHelp(ns: CliNamespace, cmds: readonly CliCommand[], s: Style): string {
  const lines = [`${s.bold(`nimbus ${ns.name}`)}: ${ns.describe}`, '', `Usage: nimbus ${ns.name} <command> [options]`, '', s.bold('Commands:')]
  lines.push(...commandRows(cmds), '', `Run \`nimbus ${ns.name} <command> --help\` for the options of a command.`)
  return lines.join('\n') + '\n'
}

export function rootHelp(version: string, cmds: readonly CliCommand[], s: Style): string {
  const lines = [
    `${s.bold('nimbus')} ${version}: scaffold, set up and operate Nimbus sandboxes on Cloudflare`,
    '',
    'Usage: nimbus <command> [options]',
    '',
    s.bold('Commands:'),
    ...commandRows(cmds),
    '',
    s.bold('Global options:'),
    `  ${pad('-h, --help', 24)}Show help (also after any command)`,
    `  ${pad('    --version', 24)}Print the version`,
    '',
    s.bold('Exit codes:'),
    ...EXIT_CODE_DOCS.map(([code, text]) => `  ${pad(String(code), 4)}${text}`),
    '',
    'Colour is used only when stdout is a terminal and NO_COLOR is not set.',
    'Run `nimbus <command> --help` for the options of a command.',
  ]
  return lines.join('\n') + '\n'
}
