/** clang (cc, gcc): C compiled to WebAssembly (wasm32-wasip1) in a Worker Loader isolate over the sandbox's files. */
import { clangCommand } from '../runtimes/clang/command.js'
// Registers the toolchain with the runtime manager wherever the commands are loaded.
import '../runtimes/clang/provider.js'

export default clangCommand('clang', ['cc', 'gcc'], 'C')
