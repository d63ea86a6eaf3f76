/** clang++: C++ compilation (libc++) to WebAssembly (wasm32-wasip1), like clang. */
import { runClangCommand } from '../runtimes/clang/command.js'
import '../runtimes/clang/provider.js'
import { gateCommand } from '../sandbox/shell-gate.js'
import type { Command } from './types.js'

const clangxx: Command = {
  name: 'clang++',
  aliases: ['c++', 'g++'],
  usage: 'clang++ [options] file...',
  description: 'Compile and link C++ programs to WebAssembly (WASI); run the result by its path, e.g. ./a.out.',
  run: (ctx) => runClangCommand(ctx, 'clang++'),
}

export default gateCommand('clang', clangxx)
