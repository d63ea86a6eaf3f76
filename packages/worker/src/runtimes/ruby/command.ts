/**
 * The `ruby` command: `ruby -e CODE [args]`, `ruby FILE [args]` and a script on stdin,
 * with `-r LIB` requires, run by CRuby in the sandbox's Ruby isolate over the sandbox's
 * files. The exit status follows `exit`, uncaught exceptions print Ruby's full message.
 */
import type { CommandContext } from '../../commands/types.js'
import { RuntimeAssetError } from '../assets/errors.js'
import { runtimeBindingsFor } from '../assets/env.js'
import { DEFAULT_TIMEOUT_MS, runInIsolate } from '../python/run.js'
import { RUBY_PACKAGE_VERSION, RUBY_VERSION } from './assets.js'
import { RUBY_SPEC } from './isolate.js'

export type RubyInvocation =
  | { kind: 'run'; mode: 'code' | 'file'; target: string; argv: string[]; stdinScript?: boolean }
  | { kind: 'version' }
  | { kind: 'help' }
  | { kind: 'error'; message: string }

const IGNORED = new Set(['w', 'W', 'd', 'v'])

export function parseRubyArgs(args: readonly string[], stdinIsTTY: boolean): RubyInvocation {
  const code: string[] = []
  const requires: string[] = []
  let i = 0
  for (; i < args.length; i++) {
    const a = args[i] as string
    if (a === '--version') return { kind: 'version' }
    if (a === '-h' || a === '--help') return { kind: 'help' }
    if (a === '--') {
      i++
      break
    }
    if (a === '-e' || a === '-r') {
      const v = args[++i]
      if (v === undefined) return { kind: 'error', message: a === '-e' ? 'no code specified for -e (RuntimeError)' : 'no library specified for -r' }
      ;(a === '-e' ? code : requires).push(v)
      continue
    }
    if (a.startsWith('-e') || a.startsWith('-r')) {
      ;(a[1] === 'e' ? code : requires).push(a.slice(2))
      continue
    }
    if (a === '-v') {
      if (args.length === 1) return { kind: 'version' }
      continue
    }
    if (a === '-') {
      i++
      break
    }
    if (a.startsWith('-') && a.length > 1) {
      if ([...a.slice(1)].every((c) => IGNORED.has(c))) continue
      return { kind: 'error', message: `invalid option ${a}  (-h will show valid options) (RuntimeError)` }
    }
    break
  }
  const prelude = requires.map((lib) => `require ${JSON.stringify(lib)}\n`).join('')
  if (code.length > 0) return { kind: 'run', mode: 'code', target: prelude + code.join('\n'), argv: args.slice(i) }
  const file = args[i]
  if (file === undefined || args[i - 1] === '-') {
    if (stdinIsTTY && file === undefined) return { kind: 'error', message: 'the interactive ruby is not available; run a script, `ruby -e CODE` or pipe code to `ruby -`' }
    return { kind: 'run', mode: 'code', target: prelude, argv: args.slice(i), stdinScript: true }
  }
  return { kind: 'run', mode: 'file', target: file, argv: args.slice(i + 1) }
}

export async function runRubyCommand(ctx: CommandContext): Promise<number> {
  const inv = parseRubyArgs(ctx.args, ctx.stdin.isTTY)
  if (inv.kind === 'version') {
    await ctx.stdout.write(`ruby ${RUBY_VERSION} (ruby.wasm ${RUBY_PACKAGE_VERSION}) [wasm32-wasi]\n`)
    return 0
  }
  if (inv.kind === 'help') {
    await ctx.stdout.write('Usage: ruby [switches] [--] [programfile] [arguments]\n  -e CODE   one line of script; several -e are allowed\n  -r LIB    require the library before running\n  --version print the version\n')
    return 0
  }
  if (inv.kind === 'error') {
    await ctx.stderr.write(`ruby: ${inv.message}\n`)
    return 1
  }
  let target = inv.target
  let mode = inv.mode
  if (mode === 'file') {
    const abs = ctx.resolve(target)
    if (!ctx.fs.exists(abs) || ctx.fs.stat(abs).type !== 'file') {
      await ctx.stderr.write(`ruby: No such file or directory -- ${target} (LoadError)\n`)
      return 1
    }
  }
  const fromStdin = inv.stdinScript === true
  const stdin = ctx.stdin.isTTY ? new Uint8Array() : await ctx.stdin.readAll()
  if (fromStdin) {
    target += new TextDecoder().decode(stdin)
    mode = 'code'
  }
  const env = await runtimeBindingsFor(ctx.fs)
  if (!env?.LOADER) {
    await ctx.stderr.write('ruby: this deployment has no Worker Loader binding (worker_loaders: LOADER), which Ruby needs\n')
    return 1
  }
  const vars: Record<string, string> = {}
  for (const [k, v] of ctx.env.entries()) vars[k] = v
  const limit = Number(ctx.env.get('NIMBUS_RUBY_TIMEOUT_MS'))
  try {
    const outcome = await runInIsolate(ctx.fs, env, RUBY_SPEC, {
      mode,
      target,
      argv: inv.argv,
      cwd: ctx.cwd,
      env: vars,
      stdin: fromStdin ? new Uint8Array() : stdin,
      timeoutMs: Number.isFinite(limit) && limit > 0 ? limit : DEFAULT_TIMEOUT_MS,
      signal: ctx.signal,
    })
    if (outcome.stdout.length > 0) await ctx.stdout.write(outcome.stdout)
    if (outcome.stderr.length > 0) await ctx.stderr.write(outcome.stderr)
    for (const err of outcome.fileErrors) await ctx.stderr.write(`ruby: could not save ${err}\n`)
    if (outcome.stopped) await ctx.stderr.write(`${outcome.stopped}\n`)
    return outcome.exitCode
  } catch (e) {
    await ctx.stderr.write(e instanceof RuntimeAssetError ? `${e.message}\n` : `ruby: ${e instanceof Error ? e.message : String(e)}\n`)
    return 1
  }
}
