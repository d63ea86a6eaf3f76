/**
 * What a standalone command receives: the CommandContext (streams, VFS, cwd, exported
 * environment) and the ShellServices it may call back into (xargs, find -exec, timeout).
 */
import { resolvePath } from '../commands/lib/path.js'
import type { CommandContext, Environment, ShellServices } from '../commands/types.js'
import { ExitSignal } from './errors.js'
import type { ExecEnv, Interpreter } from './interpreter.js'
import { type Io, lineInput } from './streams.js'

export function buildCommandContext(interp: Interpreter, argv: string[], env: ExecEnv, extraEnv?: Record<string, string>): CommandContext {
  const cwd = interp.state.cwd
  // The environment and services are built on first use: most commands never look.
  let vars: Environment | undefined
  let services: ShellServices | undefined
  const exported = interp.state.exportedEnv.bind(interp.state)
  const ctx = {
    name: argv[0]!,
    args: argv.slice(1),
    fs: interp.fs,
    cwd,
    get env(): Environment {
      if (!vars) {
        const record = exported()
        if (extraEnv) Object.assign(record, extraEnv)
        vars = recordEnv(record)
      }
      return vars
    },
    stdin: env.io.stdin,
    stdout: env.io.stdout,
    stderr: env.io.stderr,
    signal: env.signal,
    resolve: (p: string) => resolvePath(cwd, p),
    get shell(): ShellServices {
      return (services ??= shellServices(interp, env))
    },
    fetch: interp.rt.fetch,
  } as CommandContext
  if (interp.rt.terminal && env.io.stdout.isTTY) ctx.terminal = interp.rt.terminal
  return ctx
}

export function shellServices(interp: Interpreter, env: ExecEnv): ShellServices {
  return {
    runArgv: async (argv, io) => {
      const sub = interp.fork()
      const subIo: Io = {
        stdin: io.stdin ? lineInput(io.stdin) : env.io.stdin,
        stdout: io.stdout ?? env.io.stdout,
        stderr: io.stderr ?? env.io.stderr,
      }
      try {
        return await sub.invoke(argv, { io: subIo, signal: io.signal ?? env.signal }, io.env)
      } catch (e) {
        if (e instanceof ExitSignal) return e.status
        throw e
      }
    },
    runScript: async (source, io) => {
      const sub = interp.fork()
      const subIo: Io = {
        stdin: io?.stdin ? lineInput(io.stdin) : env.io.stdin,
        stdout: io?.stdout ?? env.io.stdout,
        stderr: io?.stderr ?? env.io.stderr,
      }
      return sub.runSource(source, { io: subIo, signal: env.signal })
    },
    commandNames: () => interp.commandNames(),
    describe: (name) => interp.describe(name),
    history: () => interp.rt.history?.list() ?? [],
    clearHistory: () => interp.rt.history?.clear(),
  }
}

function recordEnv(vars: Record<string, string>): Environment {
  const m = new Map(Object.entries(vars))
  return {
    get: (n) => m.get(n),
    set: (n, v) => void m.set(n, v),
    delete: (n) => void m.delete(n),
    entries: () => m.entries(),
  }
}
