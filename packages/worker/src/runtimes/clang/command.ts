/**
 * `clang`/`clang++` (also `cc`/`c++`) and running what they build. The compiler runs in the
 * sandbox's compiler isolate over the sandbox's files; a linked program is marked executable
 * and runs, by path like any program, in an isolate of its own (see ./isolate.ts). Compiler
 * diagnostics name files the way the caller wrote them.
 */
import type { Command, CommandContext } from '../../commands/types.js'
import { gateCommand } from '../../sandbox/shell-gate.js'
import { RuntimeAssetError } from '../assets/errors.js'
import { runtimeBindingsFor, type RuntimeBindings } from '../assets/env.js'
import { DEFAULT_TIMEOUT_MS, runInIsolate, type PythonOutcome } from '../python/run.js'
import { readClangArgs } from './args.js'
import { CLANG_VERSION } from './assets.js'
import { CLANG_SPEC, programSpec } from './isolate.js'

const envOf = (ctx: CommandContext): Record<string, string> => {
  const vars: Record<string, string> = {}
  for (const [k, v] of ctx.env.entries()) vars[k] = v
  return vars
}

const limitOf = (ctx: CommandContext, name: string): number => {
  const limit = Number(ctx.env.get(name))
  return Number.isFinite(limit) && limit > 0 ? limit : DEFAULT_TIMEOUT_MS
}

async function bindings(ctx: CommandContext, tool: string): Promise<RuntimeBindings | undefined> {
  const env = await runtimeBindingsFor(ctx.fs)
  if (env?.LOADER) return env
  await ctx.stderr.write(`${tool}: this deployment has no Worker Loader binding (worker_loaders: LOADER), which the C/C++ toolchain needs\n`)
  return undefined
}

/** Writes a run's output and the reasons it was stopped or could not save files. */
async function report(ctx: CommandContext, tool: string, outcome: PythonOutcome, rewrite: (text: string) => string = (t) => t): Promise<number> {
  if (outcome.stdout.length > 0) await ctx.stdout.write(outcome.stdout)
  if (outcome.stderr.length > 0) await ctx.stderr.write(rewrite(new TextDecoder().decode(outcome.stderr)))
  for (const err of outcome.fileErrors) await ctx.stderr.write(`${tool}: could not save ${err}\n`)
  if (outcome.stopped) await ctx.stderr.write(`${outcome.stopped}\n`)
  return outcome.exitCode
}

/** Runs `clang` or `clang++` with the shell's arguments. */
export async function runClangCommand(ctx: CommandContext, tool: 'clang' | 'clang++'): Promise<number> {
  if (ctx.args.length === 1 && ctx.args[0] === '--help') {
    await ctx.stdout.write(`OVERVIEW: clang LLVM compiler ${CLANG_VERSION}, targeting wasm32-wasip1\n\nUSAGE: ${tool} [options] file...\n\nCommon options: -o FILE, -c, -S, -E, -O0..-O3/-Os, -g, -Wall, -Werror, -std=STD, -I DIR, -D NAME[=VALUE], -L DIR, -lNAME.\nPrograms it links run in the sandbox by path (./a.out). Run \`${tool} --help-hidden\` for the compiler's own list.\n`)
    return 0
  }
  if (ctx.args.length === 0) {
    await ctx.stderr.write(`${tool}: error: no input files\n`)
    return 1
  }
  // The toolchain's libc++ is built without exception support, so C++ builds default to
  // -fno-exceptions (a `throw` is then a compile error instead of a link error).
  const exceptions = ctx.args.some((a) => a === '-fexceptions' || a === '-fno-exceptions')
  const line = readClangArgs(tool === 'clang++' && !exceptions ? ['-fno-exceptions', ...ctx.args] : ctx.args, ctx.cwd)
  // Missing inputs are reported here, as clang words it: the toolchain's driver fails badly on them.
  const missing = line.inputs.filter((f) => !ctx.fs.exists(f.path))
  if (missing.length > 0) {
    for (const f of missing) await ctx.stderr.write(`${tool}: error: no such file or directory: '${f.given}'\n`)
    if (missing.length === line.inputs.length) await ctx.stderr.write(`${tool}: error: no input files\n`)
    return 1
  }
  const env = await bindings(ctx, tool)
  if (!env) return 1
  const vars = { ...envOf(ctx), NIMBUS_CLANG_LINK: line.links ? '1' : '0' }
  const prefix = ctx.cwd === '/' ? '/' : `${ctx.cwd}/`
  // Diagnostics name the absolute paths the isolate saw; show them relative, as typed.
  const relative = (text: string): string => text.split(prefix).join('')
  try {
    const stdin = ctx.stdin.isTTY ? new Uint8Array() : await ctx.stdin.readAll()
    const outcome = await runInIsolate(ctx.fs, env, CLANG_SPEC, {
      mode: 'code',
      target: tool,
      argv: line.argv,
      cwd: ctx.cwd,
      env: vars,
      stdin,
      timeoutMs: limitOf(ctx, 'NIMBUS_CLANG_TIMEOUT_MS'),
      signal: ctx.signal,
    })
    const status = await report(ctx, tool, outcome, relative)
    if (status === 0 && line.output && ctx.fs.exists(line.output)) ctx.fs.chmod(line.output, 0o755)
    return status
  } catch (e) {
    await ctx.stderr.write(e instanceof RuntimeAssetError ? `${e.message}\n` : `${tool}: ${e instanceof Error ? e.message : String(e)}\n`)
    return 1
  }
}

/**
 * Runs the WASI program `binary` with `argv` (argv[0] is the name it was called by), over
 * the sandbox's files, in its working directory.
 */
export async function runWasmProgram(ctx: CommandContext, binary: Uint8Array, argv: readonly string[]): Promise<number> {
  const shown = argv[0] ?? 'a.out'
  const env = await bindings(ctx, shown)
  if (!env) return 126
  try {
    const spec = await programSpec(binary)
    const stdin = ctx.stdin.isTTY ? new Uint8Array() : await ctx.stdin.readAll()
    const outcome = await runInIsolate(ctx.fs, env, spec, {
      mode: 'code',
      target: shown,
      argv: argv.slice(1),
      cwd: ctx.cwd,
      env: envOf(ctx),
      stdin,
      timeoutMs: limitOf(ctx, 'NIMBUS_WASI_TIMEOUT_MS'),
      signal: ctx.signal,
    })
    return await report(ctx, shown, outcome)
  } catch (e) {
    await ctx.stderr.write(e instanceof RuntimeAssetError ? `${e.message}\n` : `${shown}: ${e instanceof Error ? e.message : String(e)}\n`)
    return 126
  }
}

/** A command that runs the WASI program `binary` (how the shell runs `./a.out`). */
export const wasmProgramCommand = (name: string, binary: Uint8Array): Command => ({
  name,
  usage: `${name} [ARGS]...`,
  description: 'A WebAssembly (WASI) program built in this sandbox.',
  run: (ctx) => runWasmProgram(ctx, binary, [name, ...ctx.args]),
})

/** The `clang` or `clang++` command (with its aliases), gated by the profile's runtime policy. */
export const clangCommand = (tool: 'clang' | 'clang++', aliases: readonly string[], language: string): Command =>
  gateCommand('clang', {
    name: tool,
    aliases,
    usage: `${tool} [options] file...`,
    description: `Compile and link ${language} programs to WebAssembly (WASI); run the result by its path, e.g. ./a.out.`,
    run: (ctx) => runClangCommand(ctx, tool),
  })
