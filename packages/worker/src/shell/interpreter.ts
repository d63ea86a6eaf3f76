/**
 * The interpreter core: lists, and-or chains, simple commands and command lookup
 * (function → builtin → registered command → script on PATH). Pipelines, compound
 * commands and builtins live in their own modules; this file wires them together.
 */
import { collectOutput } from '../commands/io.js'
import { resolvePath } from '../commands/lib/path.js'
import { BrokenPipeError, type Command, type CommandContext, type InputStream, type OutputStream, type ShellServices, type TerminalControl } from '../commands/types.js'
import type { Vfs } from '../vfs/types.js'
import type { AndOr, Assignment, Command as AstCommand, Compound, Pipeline, Script, SimpleCommand } from './ast.js'
import { assignVariable } from './assign.js'
import { builtins } from './builtins/index.js'
import { buildCommandContext, shellServices } from './command-context.js'
import { runCompound } from './control-flow.js'
import {
  BreakSignal, ContinueSignal, ExitSignal, InterruptSignal, ReturnSignal, ShellError,
} from './errors.js'
import { Expander, type ExpandHost } from './expand.js'
import type { JobTable } from './jobs.js'
import { waitIfPaused } from './pause.js'
import { shouldYield, yieldToEventLoop } from './yield.js'
import { runPipeline } from './pipeline.js'
import { applyRedirects, RedirectError } from './redirect.js'
import { evalSourceText, lookupPath, runScriptFile, runSourceText } from './scripts.js'
import { specialParameter } from './special-params.js'
import type { ShellState } from './state.js'
import { emptyLineInput, type Io, lineInput } from './streams.js'
import type { HistoryStore } from './types.js'

export const MAX_DEPTH = 200

/** What every interpreter of one shell shares (subshells fork the state, not these). */
export interface Runtime {
  fs: Vfs
  commands: ReadonlyMap<string, Command>
  fetch: typeof fetch
  history?: HistoryStore
  hostname: string
  jobs: JobTable
  startTime: number
  nextPid: number
  /** Set while running in the foreground of the interactive terminal. */
  terminal?: TerminalControl
  /** Yields to the event loop now and then so timers and input (Ctrl-C) get through. */
  ticks: number
  /** Pipeline stages and background jobs alive now; bounded so `f() { f | f; }` cannot explode. */
  procs: number
}

/** Most concurrent pipeline stages and jobs in one shell, like a process limit. */
export const MAX_PROCS = 256

export interface ExecEnv {
  io: Io
  signal: AbortSignal
}

const DECLARATION = new Set(['declare', 'typeset', 'local', 'export', 'readonly'])
const KEYWORDS = new Set(['if', 'then', 'elif', 'else', 'fi', 'for', 'while', 'until', 'do', 'done', 'case', 'esac', 'function', 'select', 'time', '{', '}', '!', '[[', ']]', 'in'])

export class Interpreter implements ExpandHost {
  readonly expander: Expander
  /** The env of the command being expanded (for `$(…)`). */
  private env: ExecEnv | undefined

  constructor(
    readonly rt: Runtime,
    readonly state: ShellState,
  ) {
    this.expander = new Expander(this)
  }

  get fs(): Vfs {
    return this.rt.fs
  }

  /** A subshell: same runtime, copied state. */
  fork(): Interpreter {
    const s = this.state.clone()
    s.traps = new Map()
    return new Interpreter(this.rt, s)
  }

  // ---- ExpandHost ----

  async commandSubstitution(script: Script): Promise<string> {
    const env = this.env
    if (!env) throw new Error('command substitution outside a command')
    const out = collectOutput()
    const sub = this.fork()
    const status = await sub.runSubshellBody(script, { io: { stdin: env.io.stdin, stdout: out, stderr: env.io.stderr, ...(env.io.extra ? { extra: env.io.extra } : {}) }, signal: env.signal })
    this.state.lastStatus = status
    return out.text()
  }

  special(name: string): string | undefined {
    return specialParameter(this.state, this.rt.startTime, name)
  }

  // ---- running ----

  /** Yields to the event loop every few hundred steps; throws when interrupted. */
  async checkpoint(signal: AbortSignal): Promise<void> {
    if (signal.aborted) throw new InterruptSignal(interruptStatus(signal))
    const paused = waitIfPaused(signal)
    if (paused) await paused
    if (shouldYield()) {
      await yieldToEventLoop()
      if (signal.aborted) throw new InterruptSignal(interruptStatus(signal))
    }
  }

  async runScript(script: Script, env: ExecEnv): Promise<number> {
    let status = this.state.lastStatus
    for (const item of script.items) {
      if (item.background) {
        const job = this.rt.jobs.spawn(this, item.command, env, item.text)
        if (this.state.interactive) await env.io.stderr.write(`[${job.id}] ${job.pid}\n`)
        status = 0
        this.state.lastStatus = 0
        continue
      }
      status = await this.runAndOr(item.command, env)
    }
    return status
  }

  /** Runs a script as a subshell body: exit ends only the subshell. */
  async runSubshellBody(script: Script, env: ExecEnv): Promise<number> {
    try {
      if (++this.state.depth > MAX_DEPTH) throw new ShellError('depth', 'maximum nesting level exceeded', false, 1)
      return await this.runScript(script, env)
    } catch (e) {
      if (e instanceof ExitSignal) return e.status
      if (e instanceof ReturnSignal) return e.status
      if (e instanceof BreakSignal || e instanceof ContinueSignal) return 0
      if (e instanceof ShellError) {
        await this.report(env.io.stderr, e.message)
        return e.status
      }
      throw e
    } finally {
      await this.runExitTrap(env)
    }
  }

  async runExitTrap(env: ExecEnv): Promise<void> {
    const exitTrap = this.state.traps.get('EXIT')
    if (exitTrap === undefined) return
    this.state.traps.delete('EXIT')
    const saved = this.state.lastStatus
    try {
      await this.evalString(exitTrap, env)
    } catch (e) {
      if (!(e instanceof ExitSignal)) throw e
    }
    this.state.lastStatus = saved
  }

  async runAndOr(node: AndOr, env: ExecEnv): Promise<number> {
    const st = this.state
    const n = node.rest.length
    let status: number
    if (n === 0) {
      status = await this.runPipeline(node.first, env)
      this.afterCommand(status, node.first)
      return status
    }
    st.errexitSuppressed++
    try {
      status = await this.runPipeline(node.first, env)
    } finally {
      st.errexitSuppressed--
    }
    for (let i = 0; i < n; i++) {
      const { op, pipeline } = node.rest[i]!
      if ((op === '&&') !== (status === 0)) continue
      const last = i === n - 1
      if (!last) st.errexitSuppressed++
      try {
        status = await this.runPipeline(pipeline, env)
      } finally {
        if (!last) st.errexitSuppressed--
      }
      if (last) this.afterCommand(status, pipeline)
    }
    return status
  }

  private afterCommand(status: number, p: Pipeline): void {
    if (status !== 0 && this.state.options.errexit && this.state.errexitSuppressed === 0 && !p.negate) {
      throw new ExitSignal(status)
    }
  }

  async runPipeline(p: Pipeline, env: ExecEnv): Promise<number> {
    let status: number
    const start = p.timed ? performance.now() : 0
    if (p.commands.length === 1 && !p.timed) {
      if (p.negate) {
        this.state.errexitSuppressed++
        try {
          status = await this.runCommand(p.commands[0]!, env)
        } finally {
          this.state.errexitSuppressed--
        }
      } else status = await this.runCommand(p.commands[0]!, env)
    } else status = await runPipeline(this, p, env)
    if (p.negate) status = status === 0 ? 1 : 0
    this.state.lastStatus = status
    if (p.timed) {
      const secs = (performance.now() - start) / 1000
      const fmt = (s: number): string => `${Math.floor(s / 60)}m${(s % 60).toFixed(3)}s`
      await env.io.stderr.write(`\nreal\t${fmt(secs)}\nuser\t${fmt(secs)}\nsys\t0m0.000s\n`)
    }
    return status
  }

  async runCommand(cmd: AstCommand, env: ExecEnv): Promise<number> {
    await this.checkpoint(env.signal)
    const prev = this.env
    this.env = env
    try {
      let status: number
      if (cmd.type === 'simple') status = await this.runSimple(cmd, env)
      else if (cmd.type === 'function') {
        this.state.functions.set(cmd.name, cmd.body)
        status = 0
      } else status = await this.runCompoundWithRedirects(cmd, env)
      this.state.lastStatus = status
      return status
    } catch (e) {
      if (e instanceof RedirectError) {
        await this.report(env.io.stderr, e.message)
        this.state.lastStatus = 1
        return 1
      }
      if (e instanceof ShellError && !(e.fatal && !this.state.interactive)) {
        await this.report(env.io.stderr, e.message)
        this.state.lastStatus = e.status
        return e.status
      }
      if (e instanceof ShellError) {
        await this.report(env.io.stderr, e.message)
        throw new ExitSignal(e.status)
      }
      throw e
    } finally {
      this.env = prev
    }
  }

  private async runCompoundWithRedirects(cmd: Compound, env: ExecEnv): Promise<number> {
    if (!cmd.redirects.length) return runCompound(this, cmd.body, env)
    const r = await applyRedirects(this.redirectHost(), cmd.redirects, env.io)
    try {
      return await runCompound(this, cmd.body, { io: r.io, signal: env.signal })
    } finally {
      r.close()
    }
  }

  redirectHost(): { fs: Vfs; expander: Expander; cwd: string; noclobber: boolean } {
    return { fs: this.fs, expander: this.expander, cwd: this.state.cwd, noclobber: this.state.options.noclobber }
  }

  async report(stderr: OutputStream, message: string, line = this.state.lineno): Promise<void> {
    const prefix = this.state.errorPrefix !== undefined ? `${this.state.errorPrefix}: line ${line}: ` : 'bash: '
    try {
      await stderr.write(`${prefix}${message}\n`)
    } catch {
      // stderr went away; nothing else to tell.
    }
  }

  assign(a: Assignment, opts: { export?: boolean; local?: boolean } = {}): Promise<string> {
    return assignVariable(this, a, opts)
  }

  private async runSimple(cmd: SimpleCommand, env: ExecEnv): Promise<number> {
    const st = this.state
    st.lineno = cmd.line
    let arrays: Map<string, string[]> | undefined
    let argv: string[]
    const first = cmd.words[0]?.parts
    const decl = first?.length === 1 && first[0]!.type === 'lit' && DECLARATION.has(first[0]!.value)
    if (decl || cmd.arrays) {
      // Declaration builtins take `name=value` words whole: no splitting or globbing.
      argv = []
      for (let i = 0; i < cmd.words.length; i++) {
        const w = cmd.words[i]!
        const lead = w.parts[0]
        const arr = cmd.arrays?.find((a) => a.index === i)
        if (arr) {
          const text = await this.expander.expandString(w)
          const values = await this.expander.expandWords(arr.values)
          ;(arrays ??= new Map()).set(text.replace(/\+?=$/, ''), values)
          argv.push(text)
        } else if (decl && i > 0 && lead?.type === 'lit' && /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/.test(lead.value)) {
          argv.push(await this.expander.expandString(w))
        } else argv.push(...(await this.expander.expandWords([w])))
      }
    } else argv = cmd.words.length ? await this.expander.expandWords(cmd.words) : []
    if (argv.length === 0) {
      // Assignments only: they change the shell itself. `x=$(false)` keeps that status.
      st.lastStatus = 0
      for (const a of cmd.assignments) await this.assign(a)
      const status = cmd.words.length ? 0 : st.lastStatus
      if (cmd.redirects.length) {
        const r = await applyRedirects(this.redirectHost(), cmd.redirects, env.io)
        r.close()
      }
      if (st.options.xtrace && cmd.assignments.length) {
        await env.io.stderr.write(cmd.assignments.map((a) => `+ ${a.name}=${st.get(a.name) ?? ''}`).join('\n') + '\n')
      }
      return status
    }
    const name = argv[0]!
    // Prefix assignments: exported to the command only (builtins and functions see them too).
    let restore: (() => void) | undefined
    let extraEnv: Record<string, string> | undefined
    if (cmd.assignments.length) {
      extraEnv = {}
      const isSpecial = name === 'export' || name === 'readonly' || name === 'set' || name === ':' || name === 'eval' || name === 'source' || name === '.'
      const saved: Array<[string, ReturnType<ShellState['lookup']>]> = []
      for (const a of cmd.assignments) {
        const prevVar = st.lookup(a.name)
        saved.push([a.name, prevVar ? { ...prevVar, value: Array.isArray(prevVar.value) ? prevVar.value.slice() : prevVar.value } : undefined])
        extraEnv[a.name] = await this.assign(a)
      }
      if (!isSpecial) {
        restore = () => {
          for (const [n, v] of saved.reverse()) {
            const cur = st.lookup(n)
            if (v) {
              if (cur) Object.assign(cur, v)
              else st.globals.set(n, v)
            } else st.unset(n)
          }
        }
      }
    }
    if (st.options.xtrace) await env.io.stderr.write(`+ ${argv.map(quoteForTrace).join(' ')}\n`)
    try {
      // `exec` with only redirections changes this shell's descriptors for good.
      if (name === 'exec' && argv.length === 1) {
        await applyRedirects(this.redirectHost(), cmd.redirects, env.io, true)
        return 0
      }
      if (!cmd.redirects.length) return await this.invoke(argv, env, extraEnv, {}, arrays)
      const r = await applyRedirects(this.redirectHost(), cmd.redirects, env.io)
      try {
        return await this.invoke(argv, { io: r.io, signal: env.signal }, extraEnv, {}, arrays)
      } finally {
        r.close()
      }
    } finally {
      restore?.()
    }
  }

  /** Runs argv: function, builtin, registered command or script. */
  async invoke(
    argv: string[], env: ExecEnv, extraEnv?: Record<string, string>, opts: { skipFunctions?: boolean; onlyBuiltins?: boolean } = {},
    arrays?: Map<string, string[]>,
  ): Promise<number> {
    const name = argv[0]!
    const st = this.state
    if (!opts.skipFunctions && !opts.onlyBuiltins) {
      const fn = st.functions.get(name)
      if (fn) return this.callFunction(name, fn, argv.slice(1), env)
    }
    const b = builtins.get(name)
    if (b) return b.run({ interp: this, args: argv.slice(1), name, env, ...(extraEnv ? { extraEnv } : {}), ...(arrays ? { arrays } : {}) })
    if (opts.onlyBuiltins) {
      await this.report(env.io.stderr, `builtin: ${name}: not a shell builtin`)
      return 1
    }
    if (!name.includes('/')) {
      const c = this.rt.commands.get(name)
      if (c) return this.runCommandObject(c, argv, env, extraEnv)
      const found = lookupPath(this, name)
      if (found.path) return runScriptFile(this, found.path, argv, env, extraEnv)
      if (found.denied) {
        await this.report(env.io.stderr, `${name}: Permission denied`)
        return 126
      }
      await this.report(env.io.stderr, `${name}: command not found`)
      return 127
    }
    return runScriptFile(this, resolvePath(st.cwd, name), argv, env, extraEnv, name)
  }

  async runCommandObject(c: Command, argv: string[], env: ExecEnv, extraEnv?: Record<string, string>): Promise<number> {
    const ctx = this.commandContext(argv, env, extraEnv)
    try {
      const status = await c.run(ctx)
      // A command that noticed the abort itself still ends the whole run (124 / 130).
      if (env.signal.aborted) throw new InterruptSignal(interruptStatus(env.signal))
      return status
    } catch (e) {
      if (e instanceof BrokenPipeError) return 141
      if (e instanceof InterruptSignal || e instanceof ExitSignal) throw e
      if (env.signal.aborted) throw new InterruptSignal(interruptStatus(env.signal))
      await this.report(env.io.stderr, `${argv[0]}: ${e instanceof Error ? e.message : String(e)}`)
      return 1
    }
  }

  commandContext(argv: string[], env: ExecEnv, extraEnv?: Record<string, string>): CommandContext {
    return buildCommandContext(this, argv, env, extraEnv)
  }

  services(env: ExecEnv): ShellServices {
    return shellServices(this, env)
  }

  commandNames(): string[] {
    return [...new Set([...builtins.keys(), ...this.rt.commands.keys()])].sort()
  }

  describe(name: string): ReturnType<ShellServices['describe']> {
    const alias = this.aliasesEnabled() ? this.state.aliases.get(name) : undefined
    if (alias !== undefined) return { kind: 'alias', detail: alias }
    if (KEYWORDS.has(name)) return { kind: 'keyword' }
    if (this.state.functions.has(name)) return { kind: 'function' }
    if (builtins.has(name)) return { kind: 'builtin' }
    if (this.rt.commands.has(name)) return { kind: 'command', detail: `/usr/bin/${name}` }
    const found = lookupPath(this, name)
    if (found.path) return { kind: 'file', detail: found.path }
    return undefined
  }

  async callFunction(name: string, body: AstCommand, args: string[], env: ExecEnv): Promise<number> {
    const st = this.state
    const funcnest = Number(st.get('FUNCNEST') ?? 0)
    const limit = funcnest > 0 ? Math.min(funcnest, MAX_DEPTH) : MAX_DEPTH
    if (st.funcStack.length >= limit) {
      // Unwinds every frame up to the command line, like bash's FUNCNEST.
      throw new ShellError('depth', `${name}: maximum function nesting level exceeded (${limit})`, true, 1)
    }
    const savedPos = st.positional
    st.positional = args
    st.locals.push(new Map())
    st.funcStack.push(name)
    st.depth++
    try {
      return await this.runCommand(body, env)
    } catch (e) {
      if (e instanceof ReturnSignal) return e.status
      throw e
    } finally {
      st.depth--
      st.funcStack.pop()
      st.locals.pop()
      st.positional = savedPos
    }
  }

  /** Parses and runs source in this shell, command by command (eval, source, exec). */
  aliasesEnabled(): boolean {
    return this.state.interactive || this.state.options.expandAliases
  }

  runSource(source: string, env: ExecEnv): Promise<number> {
    return runSourceText(this, source, env)
  }

  evalString(source: string, env: ExecEnv): Promise<number> {
    return evalSourceText(this, source, env)
  }

  emptyIo(io: Io): Io {
    return { ...io, stdin: emptyLineInput() }
  }

  stdinFor(s: InputStream): Io['stdin'] {
    return lineInput(s)
  }
}

export function interruptStatus(signal: AbortSignal): number {
  const r: unknown = signal.reason
  if (r && typeof r === 'object' && 'status' in r && typeof (r as { status: unknown }).status === 'number') return (r as { status: number }).status
  return 130
}

function quoteForTrace(s: string): string {
  if (s === '') return "''"
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(s)) return s
  return `'${s.replace(/'/g, "'\\''")}'`
}
