/** pip: installs pure-Python wheels into the sandbox's site-packages from a package index. */
import { runPipCommand } from '../runtimes/python/pip/command.js'
import { gateCommand } from '../sandbox/shell-gate.js'
import type { Command } from './types.js'

const pip: Command = {
  name: 'pip',
  aliases: ['pip3'],
  usage: 'pip <install|uninstall|list|freeze|show> [options] ...',
  description: 'Install and manage pure-Python packages (wheels) for python.',
  run: runPipCommand,
}

export default gateCommand('python', pip)
