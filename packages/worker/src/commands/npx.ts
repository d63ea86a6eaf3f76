/** `npx`: runs a package's bin, installing the package into a cache first when needed. */
import { defineCommand } from './define-command.js'
import { gateCommand } from '../sandbox/shell-gate.js'
import { runNpx } from '../runtimes/npm/cli.js'

export default gateCommand('npm', defineCommand({
  name: 'npx',
  usage: 'npx [-y] <pkg>[@version] [args...]',
  description: "Run a package's executable from the project or the npx cache.",
  rawArgs: true,
  async run(ctx) {
    return runNpx(ctx, ctx.args)
  },
}))
