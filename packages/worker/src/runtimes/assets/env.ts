/**
 * How a command running in the shell reaches the Worker's bindings (LOADER, ASSETS, the R2
 * runtime cache). Inside workerd the bindings are importable from `cloudflare:workers`;
 * the import is dynamic so the same modules load in plain Node tests, where a test binds
 * its stand-ins to the sandbox's filesystem instead.
 */
import type { Vfs } from '../../vfs/types.js'
import type { AssetSources } from './load.js'

/** The bindings runtimes use: assets plus the Worker Loader. */
export interface RuntimeBindings extends AssetSources {
  LOADER?: unknown
}

const bound = new WeakMap<Vfs, RuntimeBindings>()

/** Binds bindings to a sandbox's filesystem (tests, or an embedder with custom bindings). */
export function bindRuntimeBindings(fs: Vfs, env: RuntimeBindings): void {
  bound.set(fs, env)
}

let workerEnv: Promise<RuntimeBindings | undefined> | undefined

const importWorkerEnv = async (): Promise<RuntimeBindings | undefined> => {
  try {
    const specifier = 'cloudflare:workers'
    const mod: unknown = await import(/* @vite-ignore */ specifier)
    const env = mod && typeof mod === 'object' && 'env' in mod ? (mod as { env: unknown }).env : undefined
    return env && typeof env === 'object' ? (env as RuntimeBindings) : undefined
  } catch {
    return undefined
  }
}

/** The bindings for the sandbox that owns `fs`, or undefined outside a Worker. */
export async function runtimeBindingsFor(fs: Vfs): Promise<RuntimeBindings | undefined> {
  const explicit = bound.get(fs)
  if (explicit) return explicit
  workerEnv ??= importWorkerEnv()
  return workerEnv
}
