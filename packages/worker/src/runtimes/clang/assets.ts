/**
 * Which files the C/C++ toolchain loads: LLVM/Clang/LLD built for WebAssembly (from
 * @yowasp/clang) with its wasi-libc sysroot, and the two isolates' bundled JavaScript (the
 * compiler and the runner of compiled programs). Built into `public/_assets/clang/<version>/`
 * by scripts/build-clang-assets.mjs and read from the NIMBUS_RUNTIME_CACHE bucket first,
 * under the same keys. A Loader isolate may hold at most 64 MiB of code and the compiler
 * module is 75 MB, so its data segments are split off at build time; they and the sysroot
 * reach the isolate through its RPC interface instead, once per isolate.
 */
export const CLANG_PACKAGE_VERSION = '22.0.0-git20542-10'
export const CLANG_VERSION = '22.1.0'

const base = `clang/${CLANG_PACKAGE_VERSION}/`

export const CLANG_ASSETS = {
  /** The compiler's core modules, in the order the toolchain instantiates them. */
  cores: [`${base}llvm.core.wasm.gz`, `${base}llvm.core2.wasm`, `${base}llvm.core3.wasm`, `${base}llvm.core4.wasm`],
  /** The compiler module's data segments, split off so its code fits a Loader isolate. */
  dataSegments: `${base}llvm.core.data.bin.gz`,
  /** Headers and libraries (wasi-libc, libc++, compiler-rt) as a tar, mounted at /usr. */
  sysroot: `${base}llvm-resources.tar.gz`,
  compilerJs: `${base}clang-isolate.js`,
  programJs: `${base}wasi-isolate.js`,
} as const

/** Module names inside the compiler isolate, in the order of `CLANG_ASSETS.cores`. */
export const CORE_MODULE_NAMES = ['llvm.core.wasm', 'llvm.core2.wasm', 'llvm.core3.wasm', 'llvm.core4.wasm'] as const
