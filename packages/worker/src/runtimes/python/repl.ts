/**
 * `python` at the terminal with no program: the interactive interpreter, `>>>` and `...`
 * prompts. The terminal is put in raw mode so Ctrl-C can interrupt the line being typed
 * (KeyboardInterrupt, as CPython prints it) instead of ending the command; Ctrl-D on an
 * empty line or `exit()` leaves. Each line goes to the sandbox's Python isolate, where
 * `code.InteractiveConsole` keeps the session's names between lines; files stay in sync
 * with the shell after every line.
 */
import type { CommandContext } from '../../commands/types.js'
import type { RuntimeBindings } from '../assets/env.js'
import { PYODIDE_VERSION, PYTHON_VERSION } from './assets.js'
import { DEFAULT_TIMEOUT_MS, runPython, type PythonJob } from './run.js'

const MORE = 1
const EXITED = 1000

const crlf = (s: string): string => s.replace(/\r?\n/g, '\r\n')

export async function runPythonRepl(ctx: CommandContext, env: RuntimeBindings, timeoutMs: number): Promise<number> {
  const terminal = ctx.terminal
  const vars: Record<string, string> = {}
  for (const [k, v] of ctx.env.entries()) vars[k] = v
  const send = async (mode: PythonJob['mode'], target: string): Promise<number> => {
    const outcome = await runPython(ctx.fs, env, { mode, target, argv: [''], cwd: ctx.cwd, env: vars, stdin: new Uint8Array(), timeoutMs: timeoutMs || DEFAULT_TIMEOUT_MS })
    const text = new TextDecoder().decode(outcome.stdout) + new TextDecoder().decode(outcome.stderr) + (outcome.stopped ? `${outcome.stopped}\n` : '')
    if (text) await ctx.stdout.write(crlf(text))
    return outcome.exitCode
  }
  terminal?.setRawMode(true)
  try {
    await ctx.stdout.write(crlf(`Python ${PYTHON_VERSION} (pyodide ${PYODIDE_VERSION}) [WebAssembly] on nimbus\nType "help", "copyright", "credits" or "license" for more information.\n`))
    await send('repl-start', '')
    let prompt = '>>> '
    let line = ''
    const decoder = new TextDecoder()
    await ctx.stdout.write(prompt)
    for (;;) {
      const chunk = await ctx.stdin.read()
      if (chunk === null) return 0
      for (const c of decoder.decode(chunk, { stream: true }).replace(/\x1b\[[0-9;]*[A-Za-z]|\x1b[O][A-Za-z]/g, '')) {
        if (c === '\x04') {
          if (line !== '') continue
          await ctx.stdout.write('\r\n')
          return 0
        }
        if (c === '\x03') {
          line = ''
          prompt = '>>> '
          await send('repl-reset', '')
          await ctx.stdout.write(`^C\r\nKeyboardInterrupt\r\n${prompt}`)
          continue
        }
        if (c === '\r' || c === '\n') {
          await ctx.stdout.write('\r\n')
          const status = await send('repl', line)
          line = ''
          if (status >= EXITED) return status - EXITED
          prompt = status === MORE ? '... ' : '>>> '
          await ctx.stdout.write(prompt)
          continue
        }
        if (c === '\x7f' || c === '\b') {
          if (line) {
            line = [...line].slice(0, -1).join('')
            await ctx.stdout.write('\b \b')
          }
          continue
        }
        if (c < ' ' && c !== '\t') continue
        line += c
        await ctx.stdout.write(c)
      }
    }
  } finally {
    terminal?.setRawMode(false)
  }
}
