/**
 * `node`: runs JavaScript and TypeScript in a Worker Loader isolate (see
 * runtimes/node/runner.ts). The sandbox's files are visible through `fs`; a script's
 * imports are bundled from the sandbox, node_modules included.
 */
import { defineCommand } from './define-command.js'
import { gateCommand } from '../sandbox/shell-gate.js'
import { runNodeCli } from '../runtimes/node/command.js'
// Registers node, bun and npm with the runtime manager wherever the commands are loaded.
import '../runtimes/node/provider.js'

export default gateCommand('node', defineCommand({
  name: 'node',
  usage: 'node [options] [script.js | -e "script" | -] [arguments]',
  description: 'Run JavaScript or TypeScript in an isolate over the sandbox files.',
  rawArgs: true,
  async run(ctx) {
    return runNodeCli(ctx, ctx.args, 'node')
  },
}))
