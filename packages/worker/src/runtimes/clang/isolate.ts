/**
 * The two isolates of the C/C++ toolchain (see ../python/isolate.ts for how isolates run):
 * the compiler, one per sandbox, and one per compiled program, keyed by the program's
 * content hash so a rebuilt binary never runs stale code.
 */
import { loadRuntimeAsset, loadRuntimeText } from '../assets/load.js'
import { RuntimeAssetError } from '../assets/errors.js'
import type { IsolateSpec } from '../python/isolate.js'
import { CLANG_ASSETS, CLANG_PACKAGE_VERSION, CORE_MODULE_NAMES } from './assets.js'
import { addLoopBudget } from '../wasi/loop-budget.js'

export const CLANG_SPEC: IsolateSpec = {
  runtime: 'clang',
  idOf: (sandboxKey, generation) => `nimbus-clang/${CLANG_PACKAGE_VERSION}/${sandboxKey}/${generation}`,
  async loadModules(env) {
    const [js, ...cores] = await Promise.all([
      loadRuntimeText(env, 'clang', CLANG_ASSETS.compilerJs),
      ...CLANG_ASSETS.cores.map((key) => loadRuntimeAsset(env, 'clang', key)),
    ])
    cores.forEach((core, i) => {
      if (!isWasm(core)) throw new RuntimeAssetError('clang', CLANG_ASSETS.cores[i] as string, 'not a WebAssembly module')
    })
    const modules: WorkerLoaderWorkerCode['modules'] = { 'main.js': { js } }
    CORE_MODULE_NAMES.forEach((name, i) => (modules[name] = { wasm: cores[i] as ArrayBuffer }))
    return modules
  },
  async resources(env) {
    // Kept compressed: the isolate inflates them, so the session holds 9 MB instead of 40.
    const [dataSegments, sysroot] = await Promise.all([
      loadRuntimeAsset(env, 'clang', CLANG_ASSETS.dataSegments, { raw: true }),
      loadRuntimeAsset(env, 'clang', CLANG_ASSETS.sysroot, { raw: true }),
    ])
    return { dataSegments, sysroot }
  },
  // The first compile in a new isolate compiles the 75 MB toolchain module as well.
  graceMs: 60_000,
}

/** `\0asm`: the magic number every WebAssembly binary starts with. */
export const isWasm = (bytes: ArrayBuffer | Uint8Array): boolean => {
  const b = bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes, 0, Math.min(4, bytes.byteLength))
  return b.length >= 4 && b[0] === 0x00 && b[1] === 0x61 && b[2] === 0x73 && b[3] === 0x6d
}

/** A short content hash for Loader ids. */
async function digest(bytes: Uint8Array): Promise<string> {
  const hash = new Uint8Array(await crypto.subtle.digest('SHA-256', bytes))
  return Array.from(hash.subarray(0, 12), (b) => b.toString(16).padStart(2, '0')).join('')
}

/** The isolate spec that runs the WASI program `binary`. */
export async function programSpec(binary: Uint8Array): Promise<IsolateSpec> {
  const hash = await digest(binary)
  return {
    runtime: 'wasi',
    idOf: (sandboxKey, generation) => `nimbus-wasi/${CLANG_PACKAGE_VERSION}/${hash}/${sandboxKey}/${generation}`,
    async loadModules(env) {
      const js = await loadRuntimeText(env, 'clang', CLANG_ASSETS.programJs)
      // Every loop takes from a budget the runner sets from the time limit (see loop-budget.ts).
      return { 'main.js': { js }, 'program.wasm': { wasm: addLoopBudget(binary).binary.slice().buffer } }
    },
    graceMs: 5_000,
  }
}
