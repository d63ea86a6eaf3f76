/** `bunx`: `npx` under bun's name. */
import { defineCommand } from './define-command.js'
import { gateCommand } from '../sandbox/shell-gate.js'
import { runNpx } from '../runtimes/npm/cli.js'

export default gateCommand('bun', defineCommand({
  name: 'bunx',
  usage: 'bunx <pkg>[@version] [args...]',
  description: "Run a package's executable, installing it first when needed.",
  rawArgs: true,
  async run(ctx) {
    return runNpx(ctx, ctx.args)
  },
}))
