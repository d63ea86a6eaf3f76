/**
 * What the `python` command does with a parsed command line: checks the script exists (as
 * CPython does, exit 2), gathers stdin and the environment, runs the program in the
 * sandbox's isolate and writes its output, exit status and any stop message.
 */
import type { CommandContext } from '../../commands/types.js'
import { RuntimeAssetError } from '../assets/errors.js'
import { runtimeBindingsFor } from '../assets/env.js'
import { parsePythonArgs } from './argv.js'
import { PYTHON_VERSION } from './assets.js'
import { runHttpServer } from './http-server.js'
import { runPythonRepl } from './repl.js'
import { DEFAULT_TIMEOUT_MS, runPython, type PythonJob } from './run.js'

const HELP = `usage: python [option] ... [-c cmd | -m mod | file | -] [arg] ...
Options:
-c cmd : program passed in as string (terminates option list)
-m mod : run library module as a script (terminates option list)
-V     : print the Python version number and exit (also --version)
-h     : print this help message and exit (also --help)
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]

Environment:
NIMBUS_PYTHON_TIMEOUT_MS : stop a run after this many milliseconds (default ${DEFAULT_TIMEOUT_MS})
`

const timeoutOf = (raw: string | undefined): number => {
  const n = raw === undefined ? Number.NaN : Number(raw)
  return Number.isFinite(n) && n > 0 ? Math.floor(n) : DEFAULT_TIMEOUT_MS
}

export async function runPythonCommand(ctx: CommandContext): Promise<number> {
  const inv = parsePythonArgs(ctx.args)
  switch (inv.kind) {
    case 'version':
      await ctx.stdout.write(`Python ${PYTHON_VERSION}\n`)
      return 0
    case 'help':
      await ctx.stdout.write(HELP)
      return 0
    case 'error':
      await ctx.stderr.write(`${inv.message}\nusage: python [option] ... [-c cmd | -m mod | file | -] [arg] ...\nTry \`python -h' for more information.\n`)
      return 2
    case 'repl':
      if (ctx.stdin.isTTY && ctx.terminal) {
        const env = await runtimeBindingsFor(ctx.fs)
        if (!env?.LOADER) {
          await ctx.stderr.write('python: this deployment has no Worker Loader binding (worker_loaders: LOADER), which Python needs\n')
          return 1
        }
        try {
          return await runPythonRepl(ctx, env, timeoutOf(ctx.env.get('NIMBUS_PYTHON_TIMEOUT_MS')))
        } catch (e) {
          await ctx.stderr.write(e instanceof RuntimeAssetError ? `${e.message}\n` : `python: ${e instanceof Error ? e.message : String(e)}\n`)
          return 1
        }
      }
      return run(ctx, { mode: 'stdin', target: '-', argv: [''] })
    case 'run':
      break
  }
  if (inv.mode === 'module' && inv.target === 'http.server') {
    const env = await runtimeBindingsFor(ctx.fs)
    if (!env?.LOADER) {
      await ctx.stderr.write('python: this deployment has no Worker Loader binding (worker_loaders: LOADER), which Python needs\n')
      return 1
    }
    return runHttpServer(ctx, env, inv.argv.slice(1))
  }
  if (inv.mode === 'module' && inv.target === 'pip') return ctx.shell.runArgv(['pip', ...inv.argv.slice(1)], { stdin: ctx.stdin, stdout: ctx.stdout, stderr: ctx.stderr, signal: ctx.signal })
  if (inv.mode === 'file') {
    const abs = ctx.resolve(inv.target)
    let isFile = false
    try {
      isFile = ctx.fs.stat(abs).type === 'file'
    } catch {
      // reported below
    }
    if (!isFile) {
      const why = ctx.fs.exists(abs) ? '[Errno 21] Is a directory' : '[Errno 2] No such file or directory'
      await ctx.stderr.write(`python: can't open file '${abs}': ${why}\n`)
      return 2
    }
  }
  return run(ctx, inv)
}

async function run(ctx: CommandContext, inv: Pick<PythonJob, 'mode' | 'target' | 'argv'>): Promise<number> {
  const env = await runtimeBindingsFor(ctx.fs)
  if (!env?.LOADER) {
    await ctx.stderr.write('python: this deployment has no Worker Loader binding (worker_loaders: LOADER), which Python needs\n')
    return 1
  }
  const stdin = ctx.stdin.isTTY ? new Uint8Array() : await ctx.stdin.readAll()
  const vars: Record<string, string> = {}
  for (const [k, v] of ctx.env.entries()) vars[k] = v
  try {
    const outcome = await runPython(ctx.fs, env, {
      ...inv,
      cwd: ctx.cwd,
      env: vars,
      stdin,
      timeoutMs: timeoutOf(ctx.env.get('NIMBUS_PYTHON_TIMEOUT_MS')),
      signal: ctx.signal,
    })
    if (outcome.stdout.length > 0) await ctx.stdout.write(outcome.stdout)
    if (outcome.stderr.length > 0) await ctx.stderr.write(outcome.stderr)
    for (const err of outcome.fileErrors) await ctx.stderr.write(`python: could not save ${err}\n`)
    if (outcome.stopped) await ctx.stderr.write(`${outcome.stopped}\n`)
    if (ctx.env.get('NIMBUS_PYTHON_STATS')) await ctx.stderr.write(`${JSON.stringify(outcome.stats)}\n`)
    return outcome.exitCode
  } catch (e) {
    if (e instanceof RuntimeAssetError) {
      await ctx.stderr.write(`${e.message}\n`)
      return 1
    }
    await ctx.stderr.write(`python: ${e instanceof Error ? e.message : String(e)}\n`)
    return 1
  }
}
