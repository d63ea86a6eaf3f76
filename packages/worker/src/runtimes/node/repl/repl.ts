/**
 * `node` at the terminal with no script: Node's REPL. The loop runs in a Loader isolate
 * (the same runtime as programs, so `require` of built-ins, `fs` over the sandbox files
 * and `process` work) with sval interpreting each input, and asks the Durable Object for
 * every line. The terminal is in raw mode while the REPL runs, so Ctrl-C reaches it as a
 * key (clear the line) instead of ending the command.
 */
import type { CommandContext } from '../../../commands/types.js'
import type { RuntimeHost } from '../host.js'
import { guardLoops } from '../loop-guard.js'
import { NODE_VERSION, runModules } from '../runner.js'
import { REPL_PROGRAM } from './isolate-program.js'
import { LineReader } from './line-reader.js'
import { SVAL_SOURCE } from './sval-source.generated.js'

export const REPL_BANNER = `Welcome to Node.js ${NODE_VERSION}.\nType ".help" for more information.\n`

const crlf = (s: string): string => s.replace(/\r?\n/g, '\r\n')

export async function runNodeRepl(ctx: CommandContext, host: RuntimeHost): Promise<number> {
  const terminal = ctx.terminal
  const raw = terminal !== undefined
  const reader = new LineReader(ctx.stdin, ctx.stdout, raw)
  terminal?.setRawMode(true)
  try {
    await ctx.stdout.write(raw ? crlf(REPL_BANNER) : REPL_BANNER)
    return await runModules(
      ctx,
      host,
      { 'program.js': REPL_PROGRAM, 'sval.cjs': { cjs: SVAL_SOURCE } },
      {
        cwd: ctx.cwd,
        filename: `${ctx.cwd}/[repl]`,
        argv: ['/usr/local/bin/node'],
        stdin: null,
        snapshotDirs: [ctx.cwd, '/tmp'],
        readLine: (prompt) => reader.readLine(prompt),
        guardLoops: (code) => guardLoops(code),
        ...(raw ? { mapOutput: crlf } : {}),
      },
    )
  } finally {
    terminal?.setRawMode(false)
  }
}
