/** watch: rerun a command every N seconds, full screen, until interrupted. */
import { defineCommand } from './define-command.js'
import { collectOutput } from './io.js'
import { readHostname } from './hostname.js'
import { strftime } from './lib/strftime.js'
import { waitOrAbort } from './lib/wait.js'

export default defineCommand({
  name: 'watch',
  usage: 'watch [-n SECONDS] [-t] COMMAND',
  description: 'Execute a program periodically, showing output fullscreen.',
  stopAtOperand: true,
  flags: {
    n: { type: 'string', long: 'interval', arg: 'SECONDS', description: 'seconds to wait between updates (default 2)' },
    t: { type: 'boolean', long: 'no-title', description: 'turn off header' },
    e: { type: 'boolean', long: 'errexit', description: 'exit if command has a non-zero exit' },
  },
  async run(ctx) {
    if (ctx.args.length === 0) {
      await ctx.stderr.write("watch: missing command\nTry 'watch --help' for more information.\n")
      return 1
    }
    if (!ctx.stdout.isTTY) {
      await ctx.stderr.write('Error opening terminal: unknown.\n')
      return 1
    }
    const seconds = Math.max(0.1, Number(ctx.flags.n ?? 2) || 2)
    const script = ctx.args.join(' ')
    const rows = ctx.terminal?.rows ?? 24
    while (!ctx.signal.aborted) {
      const out = collectOutput({ isTTY: true })
      const code = await ctx.shell.runScript(script, { stdout: out, stderr: out })
      let screen = '\x1b[H\x1b[2J'
      if (!ctx.flags.t) {
        const left = `Every ${seconds.toFixed(1)}s: ${script}`
        const right = `${readHostname(ctx)}: ${strftime('%a %b %e %H:%M:%S %Y', Date.now())}`
        const cols = ctx.terminal?.cols ?? 80
        screen += `${left}${' '.repeat(Math.max(1, cols - left.length - right.length))}${right}\r\n\r\n`
      }
      const lines = out.text().split('\n').slice(0, Math.max(1, rows - (ctx.flags.t ? 0 : 2)))
      screen += lines.join('\r\n')
      await ctx.stdout.write(screen)
      if (ctx.flags.e && code !== 0) return code
      const aborted = await waitOrAbort(seconds * 1000, ctx.signal)
      if (aborted) break
    }
    await ctx.stdout.write('\r\n')
    return 130
  },
})
