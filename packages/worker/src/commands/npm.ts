/** `npm`: packages from a registry into node_modules (see runtimes/npm). */
import { defineCommand } from './define-command.js'
import { gateCommand } from '../sandbox/shell-gate.js'
import { runNpm } from '../runtimes/npm/cli.js'

export default gateCommand('npm', defineCommand({
  name: 'npm',
  usage: 'npm <init|install|uninstall|ls|run|test|start|exec> [args]',
  description: 'Install packages from an npm registry and run package scripts.',
  rawArgs: true,
  async run(ctx) {
    return runNpm(ctx)
  },
}))
