/**
 * esbuild-wasm in its own Worker Loader isolate, kept warm under one id: the wasm and the
 * browser module come from the assets binding (or the runtime cache bucket) the first time,
 * and are handed to the Loader as modules, since workerd will not compile wasm from bytes
 * at run time. Bundles resolve and load files through callbacks into the Durable Object.
 */
import type { RuntimeHost } from '../node/host.js'
import { ESBUILD_ISOLATE_MAIN } from './isolate-main.js'

export const ESBUILD_VERSION = '0.24.2'
export const ESBUILD_WASM_PATH = `/_assets/esbuild-${ESBUILD_VERSION}.wasm`
export const ESBUILD_MODULE_PATH = `/_assets/esbuild-${ESBUILD_VERSION}.browser.js`

export class EsbuildUnavailableError extends Error {
  override readonly name = 'EsbuildUnavailableError'
  readonly code = 'E_ESBUILD_UNAVAILABLE'
}

export interface TransformOptions {
  loader: 'js' | 'ts' | 'tsx' | 'jsx'
  format?: 'esm' | 'cjs'
  sourcefile?: string
}

export interface BundleHost {
  resolve(spec: string, importer: string, resolveDir: string, kind: string): Promise<BundleResolution> | BundleResolution
  load(path: string): Promise<BundleLoad> | BundleLoad
}
export interface BundleResolution {
  path?: string
  external?: boolean
  namespace?: string
  error?: string
}
export interface BundleLoad {
  contents: string
  loader: string
  resolveDir: string
}
export interface BundleRequest {
  entry?: string
  stdin?: { contents: string; resolveDir: string; sourcefile: string; loader: string }
  define?: Record<string, string>
}
export interface BundleResult {
  code?: string
  errors: string[]
}

interface EsbuildEntrypoint {
  /** `ms`: esbuild's time inside the isolate, without the RPC. */
  transform(code: string, opts: TransformOptions): Promise<{ code: string; ms: number }>
  bundle(req: BundleRequest, host: BundleHost): Promise<BundleResult>
}

async function assetBytes(host: RuntimeHost, path: string): Promise<ArrayBuffer> {
  if (host.assets) {
    const res = await host.assets.fetch(new Request(`https://assets.invalid${path}`))
    if (res.ok) return res.arrayBuffer()
  }
  const obj = await host.runtimeCache?.get(path.replace(/^\/_assets\//, ''))
  if (obj) return obj.arrayBuffer()
  throw new EsbuildUnavailableError(`esbuild is not available: ${path} is neither in the assets binding nor in the runtime cache bucket`)
}

/** The warm esbuild isolate's entrypoint (created on first use). */
export function esbuild(host: RuntimeHost): EsbuildEntrypoint {
  const stub = host.loader.get(`nimbus-esbuild-${ESBUILD_VERSION}`, async () => {
    const [wasm, mod] = await Promise.all([assetBytes(host, ESBUILD_WASM_PATH), assetBytes(host, ESBUILD_MODULE_PATH)])
    return {
      compatibilityDate: '2026-04-01',
      mainModule: 'main.js',
      modules: {
        'main.js': ESBUILD_ISOLATE_MAIN,
        'esbuild.js': new TextDecoder().decode(mod),
        'esbuild.wasm': { wasm },
      },
      globalOutbound: null,
    }
  })
  return stub.getEntrypoint() as EsbuildEntrypoint
}
