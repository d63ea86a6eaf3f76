/** python / python3: CPython (pyodide) in a Worker Loader isolate over the sandbox's files. */
import { runPythonCommand } from '../runtimes/python/command.js'
// Registers Python with the runtime manager wherever the commands are loaded.
import '../runtimes/python/provider.js'
import { gateCommand } from '../sandbox/shell-gate.js'
import type { Command } from './types.js'

const python: Command = {
  name: 'python',
  aliases: ['python3'],
  usage: 'python [option] ... [-c cmd | -m mod | file | -] [arg] ...',
  description: 'Run Python 3 code, a script or a module (CPython compiled to WebAssembly).',
  run: runPythonCommand,
}

export default gateCommand('python', python)
