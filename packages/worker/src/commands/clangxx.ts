/** clang++ (c++, g++): C++ with libc++ compiled to WebAssembly (wasm32-wasip1), like clang. */
import { clangCommand } from '../runtimes/clang/command.js'
import '../runtimes/clang/provider.js'

export default clangCommand('clang++', ['c++', 'g++'], 'C++')
