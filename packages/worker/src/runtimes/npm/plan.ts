/**
 * Dependency resolution: picks a version for every (name, range) with semver, places each
 * package in the node_modules tree the way npm hoists (as high as possible without
 * shadowing a different version), and reuses lockfile entries that still satisfy their
 * range, so `npm install` with a current lockfile needs no registry round trips.
 * Packuments are fetched a wave at a time, in parallel.
 */
import semver from 'semver'
import { NpmError, type Packument, type PackumentVersion, type RegistryClient } from './registry.js'

export interface PlannedPackage {
  path: string
  name: string
  version: string
  resolved: string
  integrity?: string
  shasum?: string
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  bin?: Record<string, string>
  dev: boolean
  hasInstallScript?: boolean
}

export interface LockPackage {
  version?: string
  resolved?: string
  integrity?: string
  dependencies?: Record<string, string>
  optionalDependencies?: Record<string, string>
  bin?: Record<string, string>
  dev?: boolean
  hasInstallScript?: boolean
  name?: string
}

export interface RootDeps {
  dependencies: Record<string, string>
  devDependencies: Record<string, string>
}

const parentLevel = (path: string): string => {
  const i = path.lastIndexOf('/node_modules/')
  return i === -1 ? '' : path.slice(0, i)
}
const childPath = (level: string, name: string) => (level ? `${level}/node_modules/${name}` : `node_modules/${name}`)

export const normalizeBin = (name: string, bin: PackumentVersion['bin']): Record<string, string> | undefined => {
  if (!bin) return undefined
  if (typeof bin === 'string') return { [name.startsWith('@') ? name.split('/')[1] as string : name]: bin }
  return bin
}

/** The version of `doc` that `range` selects: a dist-tag, or the highest match. */
export function pickVersion(doc: Packument, range: string): PackumentVersion | undefined {
  const tagged = doc['dist-tags']?.[range || 'latest']
  if (tagged && doc.versions[tagged]) return doc.versions[tagged]
  const r = range === '' || range === 'latest' ? '*' : range
  const latest = doc['dist-tags']?.latest
  // npm prefers the latest tag when it satisfies the range.
  if (latest && doc.versions[latest] && semver.satisfies(latest, r)) return doc.versions[latest]
  const v = semver.maxSatisfying(Object.keys(doc.versions), r)
  return v ? doc.versions[v] : undefined
}

interface Want {
  name: string
  range: string
  from: string
  dev: boolean
  optional: boolean
}

export async function planTree(client: RegistryClient, root: RootDeps, lock: Record<string, LockPackage> = {}, onProgress?: (msg: string) => void): Promise<Map<string, PlannedPackage>> {
  const tree = new Map<string, PlannedPackage>()
  let wave: Want[] = [
    ...Object.entries(root.dependencies).map(([name, range]) => ({ name, range, from: '', dev: false, optional: false })),
    ...Object.entries(root.devDependencies).filter(([n]) => !(n in root.dependencies)).map(([name, range]) => ({ name, range, from: '', dev: true, optional: false })),
  ]
  const docs = new Map<string, Promise<Packument>>()
  const packument = (name: string) => {
    let p = docs.get(name)
    if (!p) {
      p = client.packument(name)
      p.catch(() => {})
      docs.set(name, p)
    }
    return p
  }
  while (wave.length) {
    // Start every fetch this wave may need before placing anything.
    for (const w of wave) {
      const locked = lock[childPath('', w.name)]
      if (!(locked?.version && locked.resolved && semver.satisfies(locked.version, w.range || '*'))) void packument(w.name)
    }
    const next: Want[] = []
    for (const w of wave) {
      const placed = await place(w)
      if (!placed) continue
      for (const [name, range] of Object.entries(placed.dependencies ?? {})) if (!placed.optionalDependencies?.[name]) next.push({ name, range, from: placed.path, dev: w.dev, optional: false })
      for (const [name, range] of Object.entries(placed.optionalDependencies ?? {})) next.push({ name, range, from: placed.path, dev: w.dev, optional: true })
    }
    wave = next
  }
  return tree

  async function place(w: Want): Promise<PlannedPackage | undefined> {
    // Walk up from the dependent: the nearest copy of the name decides.
    let level = w.from
    let target = ''
    for (;;) {
      const p = childPath(level, w.name)
      const existing = tree.get(p)
      if (existing) {
        if (semver.satisfies(existing.version, w.range || '*', { includePrerelease: true }) || w.range === 'latest') {
          if (!w.dev) existing.dev = false
          return undefined
        }
        break
      }
      target = p
      if (level === '') break
      level = parentLevel(level)
    }
    if (target === '') target = childPath(w.from, w.name)
    const locked = lock[target]
    if (locked?.version && locked.resolved && semver.satisfies(locked.version, w.range || '*')) {
      const pkg: PlannedPackage = {
        path: target,
        name: w.name,
        version: locked.version,
        resolved: locked.resolved,
        ...(locked.integrity ? { integrity: locked.integrity } : {}),
        ...(locked.dependencies ? { dependencies: locked.dependencies } : {}),
        ...(locked.optionalDependencies ? { optionalDependencies: locked.optionalDependencies } : {}),
        ...(locked.bin ? { bin: locked.bin } : {}),
        ...(locked.hasInstallScript ? { hasInstallScript: true } : {}),
        dev: w.dev,
      }
      tree.set(target, pkg)
      return pkg
    }
    onProgress?.(`resolving ${w.name}@${w.range || 'latest'}`)
    let doc: Packument
    try {
      doc = await packument(w.name)
    } catch (e) {
      if (w.optional) return undefined
      throw e
    }
    const v = pickVersion(doc, w.range)
    if (!v) {
      if (w.optional) return undefined
      throw new NpmError('ETARGET', `No matching version found for ${w.name}@${w.range}.`)
    }
    const bin = normalizeBin(w.name, v.bin)
    const pkg: PlannedPackage = {
      path: target,
      name: w.name,
      version: v.version,
      resolved: v.dist.tarball,
      ...(v.dist.integrity ? { integrity: v.dist.integrity } : {}),
      ...(v.dist.shasum ? { shasum: v.dist.shasum } : {}),
      ...(v.dependencies && Object.keys(v.dependencies).length ? { dependencies: v.dependencies } : {}),
      ...(v.optionalDependencies && Object.keys(v.optionalDependencies).length ? { optionalDependencies: v.optionalDependencies } : {}),
      ...(bin ? { bin } : {}),
      ...(v.hasInstallScript || v.scripts?.install || v.scripts?.postinstall || v.scripts?.preinstall ? { hasInstallScript: true } : {}),
      dev: w.dev,
    }
    tree.set(target, pkg)
    return pkg
  }
}
