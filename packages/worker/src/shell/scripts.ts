/**
 * Running script files: PATH lookup, the execute bit (126 without it), shebang dispatch
 * (shell scripts in a fresh child shell, `#!/usr/bin/env node` etc. to that command).
 * A child shell sees only exported variables, like a new bash process.
 */
import { isVfsError } from '../vfs/types.js'
import { ExitSignal, ReturnSignal, BreakSignal, ContinueSignal, ShellError, ShellSyntaxError } from './errors.js'
import type { ExecEnv, Interpreter } from './interpreter.js'
import type { Script } from './ast.js'
import { Interpreter as InterpreterClass, MAX_DEPTH } from './interpreter.js'
import { Parser } from './parser.js'
import { ShellState } from './state.js'
import { wasmProgramCommand } from '../runtimes/clang/command.js'
import { isWasm } from '../runtimes/clang/isolate.js'

const SHELLS = new Set(['bash', 'sh', 'dash', 'zsh', 'ksh'])

export function lookupPath(interp: Interpreter, name: string): { path?: string; denied?: boolean } {
  const path = interp.state.get('PATH') ?? '/usr/local/bin:/usr/bin:/bin'
  let denied = false
  for (const dir of path.split(':')) {
    const p = `${dir || '.'}/${name}`.replace(/\/+/g, '/')
    const abs = p.startsWith('/') ? p : `${interp.state.cwd}/${p}`
    try {
      const st = interp.fs.stat(abs)
      if (st.type !== 'file') continue
      if (st.mode & 0o111) return { path: abs }
      denied = true
    } catch {
      // not here
    }
  }
  return denied ? { denied } : {}
}

/** A fresh child shell state: exported variables only, same cwd. */
export function childState(parent: ShellState, extraEnv?: Record<string, string>): ShellState {
  const s = new ShellState()
  const env = parent.exportedEnv()
  if (extraEnv) Object.assign(env, extraEnv)
  for (const [k, v] of Object.entries(env)) s.set(k, v, { export: true })
  s.cwd = parent.cwd
  s.depth = parent.depth + 1
  return s
}

/** Runs shell source as a whole program: exit, fatal errors and the EXIT trap end here. */
export async function runProgram(interp: Interpreter, source: string, env: ExecEnv): Promise<number> {
  let status: number
  try {
    status = await interp.runSource(source, env)
  } catch (e) {
    if (e instanceof ExitSignal) status = e.status
    else if (e instanceof ReturnSignal) status = e.status
    else if (e instanceof BreakSignal || e instanceof ContinueSignal) status = 0
    else if (e instanceof ShellError) {
      await interp.report(env.io.stderr, e.message)
      status = e.status
    } else throw e
  }
  interp.state.lastStatus = status
  try {
    await interp.runExitTrap(env)
  } catch (e) {
    if (!(e instanceof ExitSignal)) throw e
    status = e.status
  }
  return interp.state.lastStatus === status ? status : status
}

export async function runShellScript(
  parent: Interpreter, source: string, scriptName: string, args: string[], env: ExecEnv, extraEnv?: Record<string, string>,
  opts: { errexit?: boolean; xtrace?: boolean; nounset?: boolean; file?: boolean } = {},
): Promise<number> {
  if (parent.state.depth >= 100) throw new ShellError('depth', `${scriptName}: maximum nesting level exceeded`, false, 1)
  const state = childState(parent.state, extraEnv)
  state.scriptName = scriptName
  state.positional = args
  if (opts.errexit) state.options.errexit = true
  if (opts.xtrace) state.options.xtrace = true
  if (opts.nounset) state.options.nounset = true
  if (opts.file) state.errorPrefix = scriptName
  const child = new InterpreterClass(parent.rt, state)
  return runProgram(child, source, env)
}

export async function runScriptFile(
  interp: Interpreter, path: string, argv: string[], env: ExecEnv, extraEnv?: Record<string, string>, shown = argv[0]!,
): Promise<number> {
  let mode: number
  try {
    const st = interp.fs.stat(path)
    if (st.type === 'dir') {
      await interp.report(env.io.stderr, `${shown}: Is a directory`)
      return 126
    }
    mode = st.mode
  } catch (e) {
    await interp.report(env.io.stderr, `${shown}: ${isVfsError(e) ? e.description : 'No such file or directory'}`)
    return 127
  }
  if ((mode & 0o111) === 0) {
    await interp.report(env.io.stderr, `${shown}: Permission denied`)
    return 126
  }
  const bytes = interp.fs.readFile(path)
  if (isWasm(bytes)) return interp.runCommandObject(wasmProgramCommand(shown, bytes), [shown, ...argv.slice(1)], env, extraEnv)
  const source = new TextDecoder().decode(bytes)
  const shebang = /^#!\s*(\S+)(?:\s+(\S+))?/.exec(source)
  if (shebang) {
    let prog = shebang[1]!.split('/').pop()!
    if (prog === 'env' && shebang[2]) prog = shebang[2]
    if (!SHELLS.has(prog)) {
      const c = interp.rt.commands.get(prog)
      if (!c) {
        await interp.report(env.io.stderr, `${shown}: ${shebang[1]}: bad interpreter: No such file or directory`)
        return 126
      }
      return interp.runCommandObject(c, [prog, path, ...argv.slice(1)], env, extraEnv)
    }
  }
  return runShellScript(interp, source, shown, argv.slice(1), env, extraEnv, { file: true })
}

/** Parses and runs `source` command by command; a syntax error is reported bash's way and ends it (status 2). */
export async function runSourceText(interp: Interpreter, source: string, env: ExecEnv): Promise<number> {
  const parser = new Parser(source, { aliases: interp.state.aliases, aliasesEnabled: () => interp.aliasesEnabled() })
  let status = 0
  for (;;) {
    let script: Script | undefined
    try {
      script = parser.parseNext()
    } catch (e) {
      if (e instanceof ShellSyntaxError) {
        const line = parser.lexer.lineAt(e.pos ?? source.length)
        await interp.report(env.io.stderr, e.message, line)
        if (!interp.state.interactive && e.pos !== undefined && e.code === 'syntax') {
          const start = source.lastIndexOf('\n', e.pos - 1) + 1
          const end = source.indexOf('\n', e.pos)
          await interp.report(env.io.stderr, `\`${source.slice(start, end < 0 ? source.length : end)}'`, line)
        }
        interp.state.lastStatus = e.status
        return e.status
      }
      throw e
    }
    if (!script) break
    status = await interp.runScript(script, env)
  }
  return status
}

/** `eval`: runs `source` one nesting level deeper, within the depth limit. */
export async function evalSourceText(interp: Interpreter, source: string, env: ExecEnv): Promise<number> {
  if (++interp.state.depth > MAX_DEPTH) {
    interp.state.depth--
    throw new ShellError('depth', 'eval: maximum nesting level exceeded', false, 1)
  }
  try {
    return await runSourceText(interp, source, env)
  } finally {
    interp.state.depth--
  }
}
