/**
 * Talking to an npm registry, with caches in layers: this Durable Object's memory, then
 * the session's own SQLite (files under ~/.npm/_cache in the sandbox filesystem, as npm
 * keeps ~/.npm), then the R2 buckets NPM_PACKUMENT_CACHE / NPM_TARBALL_CACHE shared by
 * every sandbox, then the registry itself. The registry comes from `NPM_CONFIG_REGISTRY`, else `registry=` in the
 * project's or the home directory's `.npmrc`.
 */
import type { Vfs } from '../../vfs/types.js'
import { verifyIntegrity } from './integrity.js'

export const DEFAULT_REGISTRY = 'https://registry.npmjs.org/'
const PACKUMENT_TTL_MS = 5 * 60_000

export class NpmError extends Error {
  override readonly name = 'NpmError'
  constructor(
    readonly code: 'E404' | 'ETARGET' | 'EINTEGRITY' | 'EREGISTRY' | 'E_TAR_TRAVERSAL' | 'E_TAR_CORRUPT' | 'EUSAGE' | 'ENOLOCK' | 'EJSONPARSE',
    message: string,
  ) {
    super(message)
  }
}

export interface PackumentVersion {
  name: string
  version: string
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  peerDependencies?: Record<string, string>
  bin?: string | Record<string, string>
  engines?: Record<string, string>
  hasInstallScript?: boolean
  scripts?: Record<string, string>
  dist: { tarball: string; integrity?: string; shasum?: string }
}
export interface Packument {
  name: string
  'dist-tags': Record<string, string>
  versions: Record<string, PackumentVersion>
}

export interface RegistryCaches {
  packuments?: R2Bucket
  tarballs?: R2Bucket
  /** The session layer: a folder in the sandbox filesystem. */
  disk?: { fs: Vfs; dir: string }
}

const safeName = (key: string) => key.replace(/[^\w.@-]/g, (c) => `_${c.charCodeAt(0).toString(16)}`)

const readRc = (fs: Vfs, path: string): string | undefined => {
  try {
    const m = /^\s*registry\s*=\s*(\S+)\s*$/m.exec(fs.readText(path))
    return m?.[1]
  } catch {
    return undefined
  }
}

export function registryUrl(fs: Vfs, cwd: string, env: { get(name: string): string | undefined }): string {
  const url = env.get('NPM_CONFIG_REGISTRY') ?? env.get('npm_config_registry') ?? readRc(fs, `${cwd}/.npmrc`) ?? readRc(fs, `${env.get('HOME') ?? '/home/user'}/.npmrc`) ?? DEFAULT_REGISTRY
  return url.endsWith('/') ? url : `${url}/`
}

/** Memory layer, per Durable Object isolate: packuments (with fetch time) and tarballs. */
const memPackuments = new Map<string, { at: number; doc: Packument }>()
const memTarballs = new Map<string, Uint8Array>()
const MEM_TARBALL_BYTES = 64 << 20
let memTarballBytes = 0

export interface FetchStats {
  registry: number
  r2: number
  disk: number
  memory: number
}

export class RegistryClient {
  readonly stats: FetchStats = { registry: 0, r2: 0, disk: 0, memory: 0 }
  constructor(
    readonly registry: string,
    readonly fetcher: typeof fetch,
    readonly caches: RegistryCaches = {},
  ) {}

  #key(name: string) {
    return `${new URL(this.registry).host}/${name}`
  }

  #diskPath(kind: 'packuments' | 'tarballs', key: string): string | undefined {
    const d = this.caches.disk
    return d ? `${d.dir}/${kind}/${safeName(key)}` : undefined
  }
  #diskRead(kind: 'packuments' | 'tarballs', key: string): Uint8Array | undefined {
    const path = this.#diskPath(kind, key)
    const fs = this.caches.disk?.fs
    if (!path || !fs) return undefined
    try {
      return fs.readFile(path)
    } catch {
      return undefined
    }
  }
  #diskWrite(kind: 'packuments' | 'tarballs', key: string, data: Uint8Array | string): void {
    const path = this.#diskPath(kind, key)
    const fs = this.caches.disk?.fs
    if (!path || !fs) return
    try {
      fs.mkdir(path.slice(0, path.lastIndexOf('/')), { recursive: true })
      fs.writeFile(path, data)
    } catch {
      // A full quota only costs the cache entry.
    }
  }

  async packument(name: string): Promise<Packument> {
    const key = this.#key(name)
    const mem = memPackuments.get(key)
    if (mem && Date.now() - mem.at < PACKUMENT_TTL_MS) {
      this.stats.memory++
      return mem.doc
    }
    const disk = this.#diskRead('packuments', key)
    if (disk) {
      try {
        const { at, doc } = JSON.parse(new TextDecoder().decode(disk)) as { at: number; doc: Packument }
        if (Date.now() - at < PACKUMENT_TTL_MS) {
          memPackuments.set(key, { at, doc })
          this.stats.disk++
          return doc
        }
      } catch {
        // A damaged entry: fetch anew.
      }
    }
    const r2 = await this.caches.packuments?.get(key).catch(() => null)
    if (r2) {
      const at = Number(r2.customMetadata?.fetchedAt ?? 0)
      if (Date.now() - at < PACKUMENT_TTL_MS) {
        const doc = (await r2.json()) as Packument
        memPackuments.set(key, { at, doc })
        this.#diskWrite('packuments', key, JSON.stringify({ at, doc }))
        this.stats.r2++
        return doc
      }
    }
    const url = `${this.registry}${name.startsWith('@') ? `@${encodeURIComponent(name.slice(1))}` : encodeURIComponent(name)}`
    let res: Response
    try {
      res = await this.fetcher(url, { headers: { accept: 'application/vnd.npm.install-v1+json; q=1.0, application/json; q=0.8' } })
    } catch (e) {
      throw new NpmError('EREGISTRY', `request to ${url} failed: ${e instanceof Error ? e.message : String(e)}`)
    }
    this.stats.registry++
    if (res.status === 404) {
      await res.body?.cancel()
      throw new NpmError('E404', `404 Not Found - GET ${url} - Not found\nnpm error 404\nnpm error 404  '${name}@*' is not in this registry.`)
    }
    if (!res.ok) {
      await res.body?.cancel()
      throw new NpmError('EREGISTRY', `${res.status} ${res.statusText} - GET ${url}`)
    }
    const text = await res.text()
    let doc: Packument
    try {
      doc = JSON.parse(text) as Packument
    } catch {
      throw new NpmError('EJSONPARSE', `invalid JSON from ${url}`)
    }
    const at = Date.now()
    memPackuments.set(key, { at, doc })
    this.#diskWrite('packuments', key, JSON.stringify({ at, doc }))
    await this.caches.packuments?.put(key, text, { customMetadata: { fetchedAt: String(at) } }).catch(() => {})
    return doc
  }

  /** The tarball bytes, verified against the published integrity before any cache keeps them. */
  async tarball(v: { name: string; version: string; tarball: string; integrity?: string; shasum?: string }): Promise<Uint8Array> {
    const key = v.integrity ?? `${v.name}@${v.version}:${v.shasum ?? v.tarball}`
    const what = `${v.name}@${v.version}`
    const mem = memTarballs.get(key)
    if (mem) {
      this.stats.memory++
      return mem
    }
    const disk = this.#diskRead('tarballs', key)
    if (disk) {
      try {
        await verifyIntegrity(disk, what, v.integrity, v.shasum)
        this.stats.disk++
        this.#remember(key, disk)
        return disk
      } catch {
        // A damaged entry: fall through.
      }
    }
    const r2 = await this.caches.tarballs?.get(key).catch(() => null)
    if (r2) {
      const data = new Uint8Array(await r2.arrayBuffer())
      try {
        await verifyIntegrity(data, what, v.integrity, v.shasum)
        this.stats.r2++
        this.#remember(key, data)
        this.#diskWrite('tarballs', key, data)
        return data
      } catch {
        // A damaged cache entry: fall through to the registry.
      }
    }
    let res: Response
    try {
      res = await this.fetcher(v.tarball)
    } catch (e) {
      throw new NpmError('EREGISTRY', `request to ${v.tarball} failed: ${e instanceof Error ? e.message : String(e)}`)
    }
    this.stats.registry++
    if (!res.ok) {
      await res.body?.cancel()
      throw new NpmError(res.status === 404 ? 'E404' : 'EREGISTRY', `${res.status} ${res.statusText} - GET ${v.tarball}`)
    }
    const data = new Uint8Array(await res.arrayBuffer())
    try {
      await verifyIntegrity(data, what, v.integrity, v.shasum)
    } catch (e) {
      throw new NpmError('EINTEGRITY', e instanceof Error ? e.message : String(e))
    }
    this.#remember(key, data)
    this.#diskWrite('tarballs', key, data)
    await this.caches.tarballs?.put(key, data).catch(() => {})
    return data
  }

  #remember(key: string, data: Uint8Array) {
    if (data.length > MEM_TARBALL_BYTES / 4) return
    while (memTarballBytes + data.length > MEM_TARBALL_BYTES && memTarballs.size) {
      const first = memTarballs.keys().next().value as string
      memTarballBytes -= memTarballs.get(first)?.length ?? 0
      memTarballs.delete(first)
    }
    memTarballs.set(key, data)
    memTarballBytes += data.length
  }
}

/** Forgets the memory layer (tests measure the R2 and registry layers with it). */
export function clearMemoryCaches(): void {
  memPackuments.clear()
  memTarballs.clear()
  memTarballBytes = 0
}
