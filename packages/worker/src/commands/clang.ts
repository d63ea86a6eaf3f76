/** clang: C compilation to WebAssembly (wasm32-wasip1) in a Worker Loader isolate over the sandbox's files. */
import { runClangCommand } from '../runtimes/clang/command.js'
// Registers the toolchain with the runtime manager wherever the commands are loaded.
import '../runtimes/clang/provider.js'
import { gateCommand } from '../sandbox/shell-gate.js'
import type { Command } from './types.js'

const clang: Command = {
  name: 'clang',
  aliases: ['cc', 'gcc'],
  usage: 'clang [options] file...',
  description: 'Compile and link C programs to WebAssembly (WASI); run the result by its path, e.g. ./a.out.',
  run: (ctx) => runClangCommand(ctx, 'clang'),
}

export default gateCommand('clang', clang)
