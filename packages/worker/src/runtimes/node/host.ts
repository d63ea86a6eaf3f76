/**
 * What the JavaScript runtime needs from the Worker around it: the Worker Loader, the
 * assets binding (esbuild's wasm), the npm cache buckets, and optionally a port registry.
 * Commands run inside the Durable Object with only a filesystem in hand, so the session
 * attaches a host to its filesystem once (`attachRuntimeHost`) and commands look it up.
 */
import type { Vfs } from '../../vfs/types.js'

/** The subset of workerd's WorkerLoader the runtime uses. */
export interface LoaderLike {
  get(id: string, getCode: () => WorkerLoaderWorkerCode | Promise<WorkerLoaderWorkerCode>): { getEntrypoint(name?: string | null): unknown }
}

/** Lets a program's `http.createServer().listen(port)` be reached at the port URL. */
export interface PortRegistry {
  register(port: number, target: { isolateId: string; serve(request: Request): Promise<Response> }): void
  unregister(port: number, isolateId: string): void
}

export interface RuntimeHost {
  loader: LoaderLike
  /** Static assets (the ASSETS binding): esbuild's wasm and module under /_assets/. */
  assets?: { fetch(input: Request | string): Promise<Response> }
  npmPackumentCache?: R2Bucket
  npmTarballCache?: R2Bucket
  runtimeCache?: R2Bucket
  ports?: PortRegistry
  /** CPU limit per program run, in ms (the Loader enforces it in production). */
  cpuMs?: number
  /** Loop iterations a program may run before it is stopped (default 5e8). */
  loopLimit?: number
}

const hosts = new WeakMap<object, RuntimeHost>()

export function attachRuntimeHost(fs: Vfs, host: RuntimeHost): void {
  hosts.set(fs, host)
}

export function runtimeHostFor(fs: Vfs): RuntimeHost | undefined {
  return hosts.get(fs)
}

let workerEnv: Promise<RuntimeEnv | undefined> | undefined
const importWorkerEnv = async (): Promise<RuntimeEnv | undefined> => {
  try {
    // Dynamic, so these modules also load in plain Node tests.
    const specifier = 'cloudflare:workers'
    const mod: unknown = await import(/* @vite-ignore */ specifier)
    const env = mod && typeof mod === 'object' && 'env' in mod ? (mod as { env: unknown }).env : undefined
    return env && typeof env === 'object' ? (env as RuntimeEnv) : undefined
  } catch {
    return undefined
  }
}

/**
 * The host for the sandbox that owns `fs`: the one the session attached, else one built
 * from the Worker's env as workerd exposes it (no port registry then: servers run, but
 * their ports are not routed).
 */
export async function resolveRuntimeHost(fs: Vfs): Promise<RuntimeHost | undefined> {
  const attached = hosts.get(fs)
  if (attached) return attached
  workerEnv ??= importWorkerEnv()
  const env = await workerEnv
  const host = env ? runtimeHostFromEnv(env) : undefined
  if (host) hosts.set(fs, host)
  return host
}

/** The env bindings a host is made of (names as in the worker README). */
export interface RuntimeEnv {
  LOADER?: unknown
  ASSETS?: { fetch(input: Request | string): Promise<Response> }
  NPM_PACKUMENT_CACHE?: R2Bucket
  NPM_TARBALL_CACHE?: R2Bucket
  NIMBUS_RUNTIME_CACHE?: R2Bucket
  NIMBUS_NODE_CPU_MS?: string
  NIMBUS_NODE_LOOP_LIMIT?: string
}

const isLoader = (v: unknown): v is LoaderLike => typeof v === 'object' && v !== null && typeof (v as { get?: unknown }).get === 'function'

/** Builds a host from the Worker's env; undefined when there is no LOADER binding. */
export function runtimeHostFromEnv(env: RuntimeEnv, extra: { ports?: PortRegistry } = {}): RuntimeHost | undefined {
  if (!isLoader(env.LOADER)) return undefined
  const cpuMs = Number(env.NIMBUS_NODE_CPU_MS)
  const loopLimit = Number(env.NIMBUS_NODE_LOOP_LIMIT)
  return {
    loader: env.LOADER,
    ...(env.ASSETS ? { assets: env.ASSETS } : {}),
    ...(env.NPM_PACKUMENT_CACHE ? { npmPackumentCache: env.NPM_PACKUMENT_CACHE } : {}),
    ...(env.NPM_TARBALL_CACHE ? { npmTarballCache: env.NPM_TARBALL_CACHE } : {}),
    ...(env.NIMBUS_RUNTIME_CACHE ? { runtimeCache: env.NIMBUS_RUNTIME_CACHE } : {}),
    ...(extra.ports ? { ports: extra.ports } : {}),
    ...(Number.isFinite(cpuMs) && cpuMs > 0 ? { cpuMs } : {}),
    ...(Number.isFinite(loopLimit) && loopLimit > 0 ? { loopLimit } : {}),
  }
}
