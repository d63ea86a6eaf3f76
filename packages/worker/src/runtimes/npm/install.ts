/**
 * `npm install`: reads package.json and package-lock.json, plans the tree, downloads and
 * checks every tarball before touching node_modules (so a missing package, a bad checksum
 * or a tarball that tries to write outside its folder leaves the project as it was), then
 * writes the packages, their `bin` links and the lockfile. Install scripts are not run.
 */
import type { Vfs } from '../../vfs/types.js'
import { planTree, type LockPackage, type PlannedPackage, type RootDeps } from './plan.js'
import { NpmError, type RegistryClient } from './registry.js'
import { gunzip, TarError, untar, type TarEntry } from './tar.js'

export interface InstallRequest {
  fs: Vfs
  dir: string
  client: RegistryClient
  /** Packages named on the command line: `name`, `name@range`, `@scope/name@range`. */
  add?: string[]
  remove?: string[]
  saveDev?: boolean
  save?: boolean
  progress?: (msg: string) => void
}

export interface InstallResult {
  added: number
  removed: number
  changed: number
  total: number
  skippedScripts: string[]
}

export function parseSpec(spec: string): { name: string; range: string } {
  const at = spec.indexOf('@', spec.startsWith('@') ? 1 : 0)
  if (at === -1) return { name: spec, range: 'latest' }
  return { name: spec.slice(0, at), range: spec.slice(at + 1) || 'latest' }
}

const readJson = (fs: Vfs, path: string): Record<string, unknown> | undefined => {
  if (!fs.exists(path)) return undefined
  try {
    return JSON.parse(fs.readText(path)) as Record<string, unknown>
  } catch {
    throw new NpmError('EJSONPARSE', `Invalid JSON in ${path}`)
  }
}
const record = (v: unknown): Record<string, string> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, string>) : {})

const POOL = 8
async function mapPool<T, R>(items: T[], fn: (item: T) => Promise<R>): Promise<R[]> {
  const out: R[] = new Array(items.length)
  let next = 0
  await Promise.all(
    Array.from({ length: Math.min(POOL, items.length) }, async () => {
      while (next < items.length) {
        const i = next++
        out[i] = await fn(items[i] as T)
      }
    }),
  )
  return out
}

const installedVersion = (fs: Vfs, dir: string): string | undefined => {
  try {
    return (JSON.parse(fs.readText(`${dir}/package.json`)) as { version?: string }).version
  } catch {
    return undefined
  }
}

export async function install(req: InstallRequest): Promise<InstallResult> {
  const { fs, dir, client } = req
  const pkgPath = `${dir}/package.json`
  const pkg = readJson(fs, pkgPath) ?? {}
  const lockPath = `${dir}/package-lock.json`
  const lockDoc = readJson(fs, lockPath)
  const oldLock = record(lockDoc?.packages) as unknown as Record<string, LockPackage>
  const deps = { ...record(pkg.dependencies) }
  const devDeps = { ...record(pkg.devDependencies) }
  for (const name of req.remove ?? []) {
    delete deps[name]
    delete devDeps[name]
  }
  const added = (req.add ?? []).map(parseSpec)
  for (const { name, range } of added) {
    if (req.saveDev) {
      devDeps[name] = range
      delete deps[name]
    } else {
      deps[name] = range
      delete devDeps[name]
    }
  }
  const root: RootDeps = { dependencies: deps, devDependencies: devDeps }
  // Packages named on the command line are re-resolved; the rest may come from the lock.
  const lock = Object.fromEntries(Object.entries(oldLock).filter(([p]) => !added.some((a) => p === `node_modules/${a.name}`)))
  const tree = await planTree(client, root, lock, req.progress)

  // Everything new is downloaded, verified and unpacked before the first write.
  const before = new Map([...tree.values()].map((p) => [p.path, installedVersion(fs, `${dir}/${p.path}`)]))
  const todo = [...tree.values()].filter((p) => before.get(p.path) !== p.version || !oldLock[p.path])
  const unpacked = await mapPool(todo, async (p) => {
    req.progress?.(`fetching ${p.name}@${p.version}`)
    const bytes = await client.tarball({ name: p.name, version: p.version, tarball: p.resolved, ...(p.integrity ? { integrity: p.integrity } : {}), ...(p.shasum ? { shasum: p.shasum } : {}) })
    try {
      return { pkg: p, entries: untar(await gunzip(bytes)) }
    } catch (e) {
      if (e instanceof TarError) throw new NpmError(e.code, `${p.name}@${p.version}: ${e.message}`)
      throw new NpmError('E_TAR_CORRUPT', `${p.name}@${p.version}: could not unpack the tarball: ${e instanceof Error ? e.message : String(e)}`)
    }
  })

  // Saved ranges: `^x.y.z` for packages named without a range, as npm does.
  for (const { name, range } of added) {
    const placed = tree.get(`node_modules/${name}`)
    const saved = range === 'latest' || range === '*' ? (placed ? `^${placed.version}` : range) : range
    if (req.saveDev) devDeps[name] = saved
    else deps[name] = saved
  }

  let removed = 0
  for (const path of Object.keys(oldLock)) {
    if (path === '' || tree.has(path)) continue
    if (fs.exists(`${dir}/${path}`)) fs.rm(`${dir}/${path}`, { recursive: true, force: true })
    removed++
  }
  for (const { pkg: p, entries } of unpacked) writePackage(fs, `${dir}/${p.path}`, entries)
  linkBins(fs, dir, tree, oldLock)

  const save = req.save !== false
  if (save && (added.length || req.remove?.length || !fs.exists(pkgPath))) {
    const next: Record<string, unknown> = { ...pkg }
    if (Object.keys(deps).length || 'dependencies' in pkg) next.dependencies = sortKeys(deps)
    if (Object.keys(devDeps).length || 'devDependencies' in pkg) next.devDependencies = sortKeys(devDeps)
    fs.writeFile(pkgPath, `${JSON.stringify(next, null, 2)}\n`)
  }
  fs.writeFile(lockPath, `${JSON.stringify(lockfile(pkg, deps, devDeps, tree), null, 2)}\n`)
  const newPaths = new Set(unpacked.map((u) => u.pkg.path))
  return {
    added: [...newPaths].filter((p) => before.get(p) === undefined).length,
    removed,
    changed: [...newPaths].filter((p) => before.get(p) !== undefined).length,
    total: tree.size,
    skippedScripts: unpacked.filter((u) => u.pkg.hasInstallScript).map((u) => u.pkg.name),
  }
}

const sortKeys = (o: Record<string, string>) => Object.fromEntries(Object.entries(o).sort(([a], [b]) => (a < b ? -1 : 1)))

function writePackage(fs: Vfs, to: string, entries: TarEntry[]): void {
  if (fs.exists(to)) fs.rm(to, { recursive: true, force: true })
  fs.mkdir(to, { recursive: true })
  const made = new Set<string>([to])
  const ensureDir = (d: string) => {
    if (made.has(d)) return
    fs.mkdir(d, { recursive: true })
    made.add(d)
  }
  for (const e of entries) {
    const path = `${to}/${e.path}`
    if (e.type === 'dir') ensureDir(path)
    else {
      ensureDir(path.slice(0, path.lastIndexOf('/')))
      if (e.type === 'file') fs.writeFile(path, e.data ?? new Uint8Array(), { mode: e.mode & 0o111 ? 0o755 : 0o644 })
      else if (e.type === 'symlink' && e.target) fs.symlink(e.target, path)
    }
  }
}

function linkBins(fs: Vfs, dir: string, tree: Map<string, PlannedPackage>, oldLock: Record<string, LockPackage>): void {
  const binDir = `${dir}/node_modules/.bin`
  for (const [path, old] of Object.entries(oldLock)) {
    if (!old.bin || (tree.has(path) && tree.get(path)?.bin)) continue
    for (const name of Object.keys(old.bin)) if (fs.exists(`${binDir}/${name}`)) fs.rm(`${binDir}/${name}`, { force: true })
  }
  for (const p of tree.values()) {
    if (!p.bin || p.path !== `node_modules/${p.name}`) continue
    fs.mkdir(binDir, { recursive: true })
    for (const [name, file] of Object.entries(p.bin)) {
      const rel = file.replace(/^\.\//, '')
      const target = `${dir}/${p.path}/${rel}`
      try {
        fs.lstat(`${binDir}/${name}`)
        fs.rm(`${binDir}/${name}`, { force: true })
      } catch {
        // Not linked yet.
      }
      fs.symlink(`../${p.name}/${rel}`, `${binDir}/${name}`)
      if (fs.exists(target)) fs.chmod(target, 0o755)
    }
  }
}

function lockfile(pkg: Record<string, unknown>, deps: Record<string, string>, devDeps: Record<string, string>, tree: Map<string, PlannedPackage>): Record<string, unknown> {
  const packages: Record<string, unknown> = {
    '': {
      ...(typeof pkg.name === 'string' ? { name: pkg.name } : {}),
      ...(typeof pkg.version === 'string' ? { version: pkg.version } : {}),
      ...(Object.keys(deps).length ? { dependencies: sortKeys(deps) } : {}),
      ...(Object.keys(devDeps).length ? { devDependencies: sortKeys(devDeps) } : {}),
    },
  }
  for (const p of [...tree.values()].sort((a, b) => (a.path < b.path ? -1 : 1))) {
    packages[p.path] = {
      version: p.version,
      resolved: p.resolved,
      ...(p.integrity ? { integrity: p.integrity } : {}),
      ...(p.dev ? { dev: true } : {}),
      ...(p.hasInstallScript ? { hasInstallScript: true } : {}),
      ...(p.dependencies ? { dependencies: p.dependencies } : {}),
      ...(p.optionalDependencies ? { optionalDependencies: p.optionalDependencies } : {}),
      ...(p.bin ? { bin: p.bin } : {}),
    }
  }
  return { ...(typeof pkg.name === 'string' ? { name: pkg.name } : {}), ...(typeof pkg.version === 'string' ? { version: pkg.version } : {}), lockfileVersion: 3, requires: true, packages }
}
