/**
 * runtimes: the sandbox's runtime manager from the shell — the same manager and the same
 * per-sandbox records as the SDK's `box.runtimes`, so what one installs the other sees.
 * It runs under the shell's policy (the profile the sandbox was readied with, else all
 * runtimes allowed): `allow` gates every install, `onDemand: false` permits only the
 * profile's `preinstall` list.
 */
import { RUNTIME_NAMES, isRuntimeName, type RuntimeName } from '@nimbus-sh/config'
import { SandboxError } from '../sandbox/errors.js'
import { sandboxHostOf, type ShellRuntimes } from '../sandbox/host.js'
import type { RuntimeInfo } from '../sandbox/runtime-manager.js'
import { NOT_ALLOWED_STATUS } from '../sandbox/shell-gate.js'
import { UsageError, defineCommand } from './define-command.js'
import type { OutputStream } from './types.js'

const stateOf = (r: RuntimeInfo): string =>
  r.installed ? 'installed' : !r.allowed ? 'not allowed by the sandbox profile' : r.available ? 'available' : 'not available in this build'

function listText(rows: readonly RuntimeInfo[]): string {
  const width = Math.max(4, ...rows.map((r) => r.name.length)) + 2
  return `  ${'NAME'.padEnd(width)}STATE\n${rows.map((r) => `${r.installed ? '*' : ' '} ${r.name.padEnd(width)}${stateOf(r)}\n`).join('')}`
}

function namesOf(args: readonly string[], sub: string): RuntimeName[] {
  if (args.length === 0) throw new UsageError(`${sub}: name at least one runtime`)
  const bad = args.find((a) => !isRuntimeName(a))
  if (bad !== undefined) throw new UsageError(`unknown runtime '${bad}' (one of: ${listNames()})`)
  return [...new Set(args as RuntimeName[])]
}
const listNames = (): string => RUNTIME_NAMES.join(', ')

const json = (out: OutputStream, value: unknown) => out.write(`${JSON.stringify(value)}\n`)

/** Installs `names` in order (ensure checks them all first), reporting each as it goes. */
async function install(rt: ShellRuntimes, names: RuntimeName[], opts: { ensure: boolean; quiet: boolean; stderr: OutputStream }): Promise<RuntimeName[]> {
  const policy = rt.policy()
  if (opts.ensure) for (const name of names) rt.manager.checkAllowed(policy, name)
  for (const name of names) {
    rt.manager.checkAllowed(policy, name)
    if (rt.manager.isInstalled(name)) {
      if (!opts.quiet && !opts.ensure) await opts.stderr.write(`${name} is already installed\n`)
      continue
    }
    rt.manager.checkInstallable(policy, name)
    if (!opts.quiet) await opts.stderr.write(`Installing ${name}…\n`)
    await rt.manager.install(policy, name)
    if (!opts.quiet) await opts.stderr.write(`${name} installed\n`)
  }
  return rt.manager.installed()
}

export default defineCommand({
  name: 'runtimes',
  usage: 'runtimes [list | installed | install NAME... | ensure NAME...] [--json]',
  description: 'List, install and ensure the language runtimes of this sandbox (the same records as the SDK).',
  flags: {
    json: { type: 'boolean', description: 'print machine-readable JSON on stdout' },
    quiet: { type: 'boolean', short: 'q', description: 'do not report install progress' },
  },
  usageStatus: 2,
  helpFooter: [
    'Subcommands:',
    '  list              every runtime, with * marking the installed ones (the default)',
    '  installed         the installed runtimes, one a line',
    '  install NAME...   install each runtime that is not installed yet',
    '  ensure NAME...    check all are allowed, then install the missing ones',
    '',
    `Runtimes: ${listNames()}. Policy comes from the profile the sandbox was`,
    'readied with (box.ready()); without one every runtime is allowed.',
    `Exit status: 0 on success, 1 if an install failed, 2 on a usage error, ${NOT_ALLOWED_STATUS} when`,
    'the sandbox profile does not allow a runtime.',
  ].join('\n'),
  async run(ctx) {
    const [sub = 'list', ...rest] = ctx.args
    const rt = sandboxHostOf(ctx.fs)?.runtimes
    if (!rt) {
      await ctx.stderr.write('runtimes: this shell has no sandbox runtime manager\n')
      return 1
    }
    const asJson = ctx.flags.json
    try {
      switch (sub) {
        case 'list':
        case 'ls': {
          if (rest.length) throw new UsageError(`list: unexpected argument '${rest[0]}'`)
          const rows = rt.manager.available(rt.policy())
          await (asJson ? json(ctx.stdout, rows) : ctx.stdout.write(listText(rows)))
          return 0
        }
        case 'installed': {
          if (rest.length) throw new UsageError(`installed: unexpected argument '${rest[0]}'`)
          const names = rt.manager.installed()
          await (asJson ? json(ctx.stdout, names) : ctx.stdout.write(names.map((n) => `${n}\n`).join('')))
          return 0
        }
        case 'install':
        case 'ensure': {
          const names = namesOf(rest, sub)
          const installed = await install(rt, names, { ensure: sub === 'ensure', quiet: ctx.flags.quiet || asJson, stderr: ctx.stderr })
          if (asJson) await json(ctx.stdout, { installed })
          return 0
        }
        default:
          throw new UsageError(`unknown subcommand '${sub}' (list, installed, install, ensure)`)
      }
    } catch (e) {
      if (!(e instanceof SandboxError)) throw e
      await ctx.stderr.write(`runtimes: ${e.message}\n`)
      if (asJson) await json(ctx.stdout, { error: e.message, code: e.code })
      return e.code === 'E_RUNTIME_NOT_ALLOWED' ? NOT_ALLOWED_STATUS : 1
    }
  },
})
