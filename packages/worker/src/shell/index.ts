/**
 * The shell's public entry: `Shell` runs command lines (terminal and exec) over the VFS
 * with the command registry; `InteractiveShell` drives it from raw terminal keystrokes.
 */
import { builtinCommands } from '../commands/registry.js'
import { collectOutput, emptyInput, stringInput } from '../commands/io.js'
import { resolvePath } from '../commands/lib/path.js'
import { ExitSignal, InterruptSignal, ShellError, ShellSyntaxError } from './errors.js'
import { Interpreter, type Runtime } from './interpreter.js'
import { JobTable } from './jobs.js'
import { Parser } from './parser.js'
import { runProgram } from './scripts.js'
import { ShellState } from './state.js'
import { lineInput, type Io, yielding } from './streams.js'
import type { ExecOptions, ExecResult, RunIO, ShellOptions, ShellSnapshot } from './types.js'

export { InteractiveShell } from './interactive.js'
export type * from './types.js'

const DEFAULT_PATH = '/usr/local/bin:/usr/bin:/bin'

export class Shell {
  readonly state: ShellState
  readonly rt: Runtime
  readonly interp: Interpreter

  constructor(readonly opts: ShellOptions) {
    const home = opts.env?.HOME ?? '/home/user'
    const hostname = opts.hostname ?? 'nimbus'
    const env: Record<string, string> = {
      HOME: home, USER: 'user', LOGNAME: 'user', PATH: DEFAULT_PATH, SHELL: '/bin/bash', TERM: 'xterm-256color',
      LANG: 'C.UTF-8', HOSTNAME: hostname, ...opts.env,
    }
    const st = new ShellState()
    for (const [k, v] of Object.entries(env)) st.set(k, v, { export: true })
    st.cwd = resolvePath('/', opts.cwd ?? env.PWD ?? home)
    if (!safeIsDir(opts, st.cwd)) st.cwd = safeIsDir(opts, home) ? home : '/'
    st.set('PWD', st.cwd, { export: true })
    st.set('OPTIND', '1')
    st.set('PS1', '\\u@\\h:\\w\\$ ')
    for (const [k, v] of Object.entries(opts.aliases ?? {})) st.aliases.set(k, v)
    this.state = st
    const rt: Runtime = {
      fs: opts.fs,
      commands: opts.commands ?? builtinCommands,
      fetch: opts.fetch ?? ((...args: Parameters<typeof fetch>) => fetch(...args)),
      hostname,
      jobs: new JobTable(),
      startTime: Date.now(),
      nextPid: 1000,
      ticks: 0,
      procs: 0,
    }
    if (opts.history) rt.history = opts.history
    this.rt = rt
    this.interp = new Interpreter(rt, st)
  }

  get cwd(): string {
    return this.state.cwd
  }

  /** Runs a script like `bash -c`: exit ends it, the EXIT trap runs at the end. */
  async run(source: string, io: RunIO): Promise<number> {
    const env = this.execEnv(io)
    return this.guard(() => runProgram(this.interp, source, env), env)
  }

  /** Runs one interactive command line: no EXIT trap unless it calls `exit`. */
  async runLine(source: string, io: RunIO): Promise<{ status: number; exited: boolean }> {
    const env = this.execEnv(io)
    let exited = false
    const status = await this.guard(async () => {
      try {
        return await this.interp.runSource(source, env)
      } catch (e) {
        if (e instanceof ExitSignal) {
          exited = true
          this.state.lastStatus = e.status
          await this.interp.runExitTrap(env)
          return e.status
        }
        throw e
      }
    }, env)
    this.state.lastStatus = status
    return { status, exited }
  }

  /** Runs a command line and collects its output; `timeoutMs` ends it with status 124. */
  async exec(source: string, opts: ExecOptions = {}): Promise<ExecResult> {
    const t0 = performance.now()
    const stdout = collectOutput()
    const stderr = collectOutput()
    const controller = new AbortController()
    let timer: ReturnType<typeof setTimeout> | undefined
    if (opts.timeoutMs !== undefined) timer = setTimeout(() => controller.abort({ status: 124 }), opts.timeoutMs)
    const onAbort = (): void => controller.abort({ status: 130 })
    opts.signal?.addEventListener('abort', onAbort, { once: true })
    if (opts.signal?.aborted) onAbort()
    const io: RunIO = {
      stdin: opts.stdin === undefined ? emptyInput() : stringInput(opts.stdin),
      stdout: yielding(stdout), stderr: yielding(stderr), signal: controller.signal,
    }
    let exitCode: number
    try {
      if (opts.cwd !== undefined || opts.env !== undefined) {
        const sub = this.interp.fork()
        if (opts.cwd !== undefined) {
          sub.state.cwd = resolvePath(this.state.cwd, opts.cwd)
          sub.state.set('PWD', sub.state.cwd)
        }
        for (const [k, v] of Object.entries(opts.env ?? {})) sub.state.set(k, v, { export: true })
        const env = this.execEnv(io)
        exitCode = await this.guard(() => runProgram(sub, source, env), env)
      } else exitCode = await this.run(source, io)
    } finally {
      if (timer) clearTimeout(timer)
      opts.signal?.removeEventListener('abort', onAbort)
    }
    return { stdout: stdout.text(), stderr: stderr.text(), exitCode, durationMs: performance.now() - t0 }
  }

  snapshot(): ShellSnapshot {
    return { cwd: this.state.cwd, env: this.state.exportedEnv(), aliases: Object.fromEntries(this.state.aliases) }
  }

  /** True when `source` is incomplete (open quote, `if` without `fi`, trailing `\`). */
  isIncomplete(source: string): boolean {
    if (/(^|[^\\])(\\\\)*\\$/.test(source)) return true
    try {
      const p = new Parser(source, { aliases: this.state.aliases })
      while (p.parseNext());
      return false
    } catch (e) {
      return e instanceof ShellSyntaxError && e.incomplete
    }
  }

  private execEnv(io: RunIO): { io: Io; signal: AbortSignal } {
    return {
      io: { stdin: lineInput(io.stdin ?? emptyInput()), stdout: io.stdout, stderr: io.stderr },
      signal: io.signal ?? new AbortController().signal,
    }
  }

  /** Turns interrupts and stray errors into statuses so the shell always survives. */
  private async guard(fn: () => Promise<number>, env: { io: Io; signal: AbortSignal }): Promise<number> {
    try {
      return await fn()
    } catch (e) {
      if (e instanceof InterruptSignal) {
        this.state.lastStatus = e.status
        return e.status
      }
      if (e instanceof ExitSignal) return e.status
      if (e instanceof ShellError) {
        await this.interp.report(env.io.stderr, e.message)
        return e.status
      }
      if (e instanceof RangeError) {
        await this.interp.report(env.io.stderr, 'maximum recursion depth exceeded')
        return 1
      }
      throw e
    }
  }
}

function safeIsDir(opts: ShellOptions, p: string): boolean {
  try {
    return opts.fs.stat(p).type === 'dir'
  } catch {
    return false
  }
}
