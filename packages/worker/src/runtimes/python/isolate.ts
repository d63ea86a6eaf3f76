/**
 * Starting the Python isolate: one Worker Loader isolate per sandbox instance, built from
 * the pyodide assets (loaded lazily, only when the Loader has no warm isolate for the id).
 * A generation number in the id lets a sandbox abandon an isolate that is stuck in a
 * runaway loop: the next run simply gets a fresh one.
 */
import { loadRuntimeAsset, loadRuntimeText } from '../assets/load.js'
import { RuntimeAssetError } from '../assets/errors.js'
import type { RuntimeBindings } from '../assets/env.js'
import { MAIN_JS, SHIMS_JS } from './isolate-source.js'
import { PYODIDE_VERSION, PYTHON_ASSETS } from './assets.js'
import { RUNNER_PY } from './runner-py.js'

/** The compatibility date loaded isolates run with (not newer than the bundled workerd). */
export const ISOLATE_COMPATIBILITY_DATE = '2026-04-01'

/** What the isolate answers to one run request (see isolate-source.ts). */
export interface IsolateRunResult {
  instance: string
  needFull?: boolean
  /** The isolate lacks what `IsolateSpec.resources` provides: prime it, then run again. */
  needResources?: boolean
  exitCode: number
  timedOut: boolean
  stdout: Uint8Array
  stderr: Uint8Array
  changes: { writes: Array<{ path: string; data: Uint8Array; mode: number }>; dirs: string[]; removes: string[] }
  stats: { fresh: boolean; snapshot: boolean; ms: number; syncMs?: number; runMs?: number; collectMs?: number; checks?: number }
}

export interface IsolateRunRequest {
  base: string | null
  sync: { full: boolean; writes: Array<{ path: string; data: Uint8Array; mode: number }>; dirs: string[]; removes: string[] }
  /** `repl-*`: the interactive interpreter (start, push one line, reset the pending lines). */
  mode: 'code' | 'file' | 'module' | 'stdin' | 'repl-start' | 'repl' | 'repl-reset' | 'http'
  target: string
  argv: string[]
  cwd: string
  env: Record<string, string>
  stdin: Uint8Array
  timeoutMs: number
  maxChecks: number
}

export interface LoadedIsolate {
  run(req: IsolateRunRequest): Promise<IsolateRunResult>
  /** Hands over what `IsolateSpec.resources` loaded (only isolates whose spec has it). */
  prime(resources: Record<string, ArrayBuffer>): Promise<void>
}

interface LoaderLike {
  get(id: string, code: () => Promise<WorkerLoaderWorkerCode>): { getEntrypoint(name?: string): unknown }
}

const isLoader = (v: unknown): v is LoaderLike => typeof v === 'object' && v !== null && typeof (v as { get?: unknown }).get === 'function'

/** A short stable hash of the isolate's code, so a changed harness never reuses an isolate. */
const fnv = (text: string): string => {
  let h = 0x811c9dc5
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193)
  return (h >>> 0).toString(36)
}
const CODE_HASH = fnv(MAIN_JS + SHIMS_JS + RUNNER_PY)

/** Every asset the isolate needs, loaded in parallel; throws RuntimeAssetError. */
export async function loadPythonModules(env: RuntimeBindings): Promise<WorkerLoaderWorkerCode['modules']> {
  // The snapshot is optional: without it the interpreter boots from scratch (slower).
  const optional = Promise.all(PYTHON_ASSETS.snapshot.map((key) => loadRuntimeAsset(env, 'python', key))).catch((e: unknown) => {
    if (e instanceof RuntimeAssetError) return [new ArrayBuffer(0), new ArrayBuffer(0)]
    throw e
  })
  const [asmJs, loaderJs, wasm, stdlib, lock, [snap0, snap1]] = await Promise.all([
    loadRuntimeText(env, 'python', PYTHON_ASSETS.asmJs),
    loadRuntimeText(env, 'python', PYTHON_ASSETS.loaderJs),
    loadRuntimeAsset(env, 'python', PYTHON_ASSETS.wasm),
    loadRuntimeAsset(env, 'python', PYTHON_ASSETS.stdlib),
    loadRuntimeText(env, 'python', PYTHON_ASSETS.lock),
    optional,
  ])
  // A truncated or wrong object in the cache bucket must fail here, naming the asset.
  const magic = (buf: ArrayBuffer, bytes: number[]): boolean => bytes.every((b, i) => new Uint8Array(buf, 0, Math.min(buf.byteLength, bytes.length))[i] === b)
  if (!magic(wasm, [0x00, 0x61, 0x73, 0x6d])) throw new RuntimeAssetError('python', PYTHON_ASSETS.wasm, 'not a WebAssembly module')
  if (!magic(stdlib, [0x50, 0x4b])) throw new RuntimeAssetError('python', PYTHON_ASSETS.stdlib, 'not a zip archive')
  return {
    'main.js': { js: MAIN_JS },
    'shims.js': { js: SHIMS_JS },
    'pyodide.asm.mjs': { js: asmJs },
    'pyodide.mjs': { js: loaderJs },
    'pyodide.asm.wasm': { wasm },
    'python_stdlib.zip': { data: stdlib },
    'pyodide-lock.json': { text: lock },
    'snapshot.0': { data: snap0 ?? new ArrayBuffer(0) },
    'snapshot.1': { data: snap1 ?? new ArrayBuffer(0) },
    'runner.py': { text: RUNNER_PY },
  }
}

/** What differs between the runtimes that run in a Loader isolate (python, ruby). */
export interface IsolateSpec {
  runtime: string
  /** Loader id for a sandbox instance key and generation; includes code and asset versions. */
  idOf(sandboxKey: string, generation: number): string
  /** Loads the isolate's modules; throws RuntimeAssetError. */
  loadModules(env: RuntimeBindings): Promise<WorkerLoaderWorkerCode['modules']>
  /** How long past the run's own limit the session waits (default 30 s: boot, file sync). */
  graceMs?: number
  /**
   * Data the isolate needs but cannot hold as modules (the Loader caps an isolate's code),
   * sent through `prime` when a fresh isolate asks for it; throws RuntimeAssetError.
   */
  resources?(env: RuntimeBindings): Promise<Record<string, ArrayBuffer>>
}

export const PYTHON_SPEC: IsolateSpec = {
  runtime: 'python',
  idOf: (sandboxKey, generation) => `nimbus-python/${PYODIDE_VERSION}/${CODE_HASH}/${sandboxKey}/${generation}`,
  loadModules: loadPythonModules,
}

/**
 * The isolate with Loader id `id`. `preloaded` are modules the caller already loaded (so
 * asset failures surface as RuntimeAssetError in the session, not inside the Loader);
 * without them the Loader loads the assets itself if it has no warm isolate for `id`.
 */
export function startIsolate(env: RuntimeBindings, spec: IsolateSpec, id: string, cpuMs: number, preloaded?: WorkerLoaderWorkerCode['modules']): LoadedIsolate {
  if (!isLoader(env.LOADER)) {
    throw new RuntimeAssetError(spec.runtime, 'LOADER', 'the Worker Loader binding (worker_loaders: LOADER) is not configured')
  }
  let modules = preloaded
  const stub = env.LOADER.get(id, async () => {
    const code = modules ?? (await spec.loadModules(env))
    modules = undefined
    return {
      compatibilityDate: ISOLATE_COMPATIBILITY_DATE,
      mainModule: 'main.js',
      modules: code,
      // Programs get no network: the isolate can reach nothing outside itself.
      globalOutbound: null,
      limits: { cpuMs },
    }
  })
  return stub.getEntrypoint() as LoadedIsolate
}
