/**
 * Lazy loading of runtime assets (pyodide, ruby.wasm): first from the `NIMBUS_RUNTIME_CACHE`
 * R2 bucket, then from the bundled static assets (`/_assets/<key>`). Keys are paths under
 * `public/_assets/`, the same keys `nimbus runtime sync --from public/_assets` uploads.
 * Files stored gzip-compressed (`.gz`) are inflated here unless the caller wants the raw
 * bytes. Only concurrent loads of one key are shared; bytes are never kept after the load,
 * so a failure is retried on the next call and the Durable Object's memory stays small.
 */
import { RuntimeAssetError } from './errors.js'

/** The bindings an asset load may use; both optional, at least one must answer. */
export interface AssetSources {
  NIMBUS_RUNTIME_CACHE?: Pick<R2Bucket, 'get'> | undefined
  ASSETS?: Pick<Fetcher, 'fetch'> | undefined
}

export interface LoadAssetOptions {
  /** Keep `.gz` assets compressed (the consumer inflates them itself). */
  raw?: boolean
}

const inflight = new Map<string, Promise<ArrayBuffer>>()

const inflate = async (bytes: ArrayBuffer): Promise<ArrayBuffer> =>
  new Response(new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'))).arrayBuffer()

const describe = (e: unknown): string => (e instanceof Error ? e.message : String(e))

async function fetchRaw(env: AssetSources, runtime: string, key: string): Promise<ArrayBuffer> {
  const tried: string[] = []
  if (env.NIMBUS_RUNTIME_CACHE) {
    try {
      const obj = await env.NIMBUS_RUNTIME_CACHE.get(key)
      if (obj) return await obj.arrayBuffer()
      tried.push('NIMBUS_RUNTIME_CACHE: no such object')
    } catch (e) {
      tried.push(`NIMBUS_RUNTIME_CACHE: ${describe(e)}`)
    }
  }
  if (env.ASSETS) {
    try {
      const res = await env.ASSETS.fetch(new Request(`https://assets.invalid/_assets/${key}`))
      if (res.ok) return await res.arrayBuffer()
      await res.body?.cancel()
      tried.push(`ASSETS: HTTP ${res.status}`)
    } catch (e) {
      tried.push(`ASSETS: ${describe(e)}`)
    }
  }
  if (tried.length === 0) tried.push('neither NIMBUS_RUNTIME_CACHE nor ASSETS is bound')
  throw new RuntimeAssetError(runtime, key, tried.join('; '))
}

/** The bytes of asset `key` for `runtime`; throws RuntimeAssetError naming both. */
export async function loadRuntimeAsset(env: AssetSources, runtime: string, key: string, opts: LoadAssetOptions = {}): Promise<ArrayBuffer> {
  const id = `${opts.raw ? 'raw' : 'plain'}:${key}`
  let pending = inflight.get(id)
  if (!pending) {
    pending = (async () => {
      const bytes = await fetchRaw(env, runtime, key)
      if (opts.raw || !key.endsWith('.gz')) return bytes
      try {
        return await inflate(bytes)
      } catch (e) {
        throw new RuntimeAssetError(runtime, key, `corrupt gzip data: ${describe(e)}`)
      }
    })().finally(() => inflight.delete(id))
    inflight.set(id, pending)
  }
  return pending
}

/** The text of asset `key` (UTF-8), inflated when stored as `.gz`. */
export async function loadRuntimeText(env: AssetSources, runtime: string, key: string): Promise<string> {
  return new TextDecoder().decode(await loadRuntimeAsset(env, runtime, key))
}
