import { gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { RuntimeAssetError } from './errors.js'
import { loadRuntimeAsset, loadRuntimeText, type AssetSources } from './load.js'

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s)
const text = (b: ArrayBuffer): string => new TextDecoder().decode(b)

/** An R2 stand-in with the objects given, counting reads. */
const bucket = (objects: Record<string, Uint8Array>, fail?: string) => {
  const reads: string[] = []
  return {
    reads,
    get: async (key: string) => {
      reads.push(key)
      if (fail) throw new Error(fail)
      const body = objects[key]
      return body ? ({ arrayBuffer: async () => body.slice().buffer } as unknown as R2ObjectBody) : null
    },
  }
}

const assets = (files: Record<string, Uint8Array>) => {
  const paths: string[] = []
  return {
    paths,
    fetch: async (input: RequestInfo | URL) => {
      const path = new URL(input instanceof Request ? input.url : String(input)).pathname
      paths.push(path)
      const body = files[path]
      return body ? new Response(body) : new Response('missing', { status: 404 })
    },
  }
}

describe('loadRuntimeAsset', () => {
  it('reads the R2 cache first and does not touch the bundled assets then', async () => {
    const r2 = bucket({ 'py/a.txt': bytes('from r2') })
    const fs = assets({ '/_assets/py/a.txt': bytes('from assets') })
    const env = { NIMBUS_RUNTIME_CACHE: r2, ASSETS: fs } as unknown as AssetSources
    expect(text(await loadRuntimeAsset(env, 'python', 'py/a.txt'))).toBe('from r2')
    expect(fs.paths).toEqual([])
  })

  it('falls back to the bundled assets under /_assets/ when the cache has no object', async () => {
    const r2 = bucket({})
    const fs = assets({ '/_assets/py/a.txt': bytes('from assets') })
    const env = { NIMBUS_RUNTIME_CACHE: r2, ASSETS: fs } as unknown as AssetSources
    expect(await loadRuntimeText(env, 'python', 'py/a.txt')).toBe('from assets')
    expect(r2.reads).toEqual(['py/a.txt'])
    expect(fs.paths).toEqual(['/_assets/py/a.txt'])
  })

  it('inflates .gz assets unless raw bytes are asked for', async () => {
    const gz = gzipSync(Buffer.from('hello wasm'))
    const env = { ASSETS: assets({ '/_assets/x.bin.gz': new Uint8Array(gz) }) } as unknown as AssetSources
    expect(text(await loadRuntimeAsset(env, 'ruby', 'x.bin.gz'))).toBe('hello wasm')
    expect(new Uint8Array(await loadRuntimeAsset(env, 'ruby', 'x.bin.gz', { raw: true }))).toEqual(new Uint8Array(gz))
  })

  it('names the runtime, the asset and every reason when nothing answers; a later call retries', async () => {
    const files: Record<string, Uint8Array> = {}
    const env = { NIMBUS_RUNTIME_CACHE: bucket({}, 'bucket offline'), ASSETS: assets(files) } as unknown as AssetSources
    const err = await loadRuntimeAsset(env, 'python', 'pyodide/x.wasm').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(RuntimeAssetError)
    expect(err).toMatchObject({ code: 'E_RUNTIME_ASSET', runtime: 'python', asset: 'pyodide/x.wasm' })
    expect((err as Error).message).toBe('python: could not load pyodide/x.wasm: NIMBUS_RUNTIME_CACHE: bucket offline; ASSETS: HTTP 404')
    files['/_assets/pyodide/x.wasm'] = bytes('ok')
    expect(await loadRuntimeText(env, 'python', 'pyodide/x.wasm')).toBe('ok')
  })

  it('reports corrupt gzip data and a deployment with neither binding', async () => {
    const env = { ASSETS: assets({ '/_assets/a.gz': bytes('not gzip') }) } as unknown as AssetSources
    await expect(loadRuntimeAsset(env, 'ruby', 'a.gz')).rejects.toThrow(/^ruby: could not load a\.gz: corrupt gzip data/)
    await expect(loadRuntimeAsset({}, 'ruby', 'a')).rejects.toThrow('ruby: could not load a: neither NIMBUS_RUNTIME_CACHE nor ASSETS is bound')
  })

  it('shares one download between concurrent callers', async () => {
    const r2 = bucket({ k: bytes('v') })
    const env = { NIMBUS_RUNTIME_CACHE: r2 } as unknown as AssetSources
    await Promise.all([loadRuntimeAsset(env, 'python', 'k'), loadRuntimeAsset(env, 'python', 'k')])
    expect(r2.reads).toEqual(['k'])
  })
})
