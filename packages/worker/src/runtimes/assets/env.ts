/**
 * How a command running in the shell reaches the Worker's bindings (LOADER, ASSETS, the R2
 * runtime cache): through the runtime host the session attaches to its filesystem (shared
 * with the node runtime), else from `cloudflare:workers`, where workerd exposes the Worker's
 * env. That import is dynamic so these modules also load in plain Node tests.
 */
import type { Vfs } from '../../vfs/types.js'
import { runtimeHostFor } from '../node/host.js'
import type { AssetSources } from './load.js'

/** The bindings runtimes use: assets plus the Worker Loader. */
export interface RuntimeBindings extends AssetSources {
  LOADER?: unknown
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
  const host = runtimeHostFor(fs)
  if (host) {
    return {
      LOADER: host.loader,
      ...(host.assets ? { ASSETS: host.assets } : {}),
      ...(host.runtimeCache ? { NIMBUS_RUNTIME_CACHE: host.runtimeCache } : {}),
    }
  }
  workerEnv ??= importWorkerEnv()
  return workerEnv
}
