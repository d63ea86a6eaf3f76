/** ruby: CRuby 3.3 (ruby.wasm) in a Worker Loader isolate over the sandbox's files. */
import { runRubyCommand } from '../runtimes/ruby/command.js'
// Registers Ruby with the runtime manager wherever the commands are loaded.
import '../runtimes/ruby/provider.js'
import { gateCommand } from '../sandbox/shell-gate.js'
import type { Command } from './types.js'

const ruby: Command = {
  name: 'ruby',
  usage: 'ruby [switches] [--] [programfile] [arguments]',
  description: 'Run Ruby code, a script, or a script read from stdin (CRuby 3.3 compiled to WebAssembly).',
  run: runRubyCommand,
}

export default gateCommand('ruby', ruby)
