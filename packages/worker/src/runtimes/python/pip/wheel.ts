/**
 * Installing a pure-Python wheel into the sandbox's site-packages (the directory the
 * Python isolate adds to `sys.path`): unpack it, move `*.data/purelib` and `platlib` into
 * place, record what was installed (RECORD, INSTALLER) so `pip uninstall` and `pip list`
 * work, and read the dependencies it declares.
 */
import type { Vfs } from '../../../vfs/types.js'
import { PYTHON_VERSION } from '../assets.js'
import { PipError, normalizeName } from './index-client.js'
import { readZip } from './zip.js'

const [MAJOR, MINOR] = PYTHON_VERSION.split('.')
/** Where `pip install` puts packages; the isolate's runner adds it to sys.path. */
export const SITE_PACKAGES = `/usr/local/lib/python${MAJOR}.${MINOR}/site-packages`

export interface InstalledDist {
  name: string
  version: string
  distInfo: string
}

const parentOf = (p: string): string => p.slice(0, p.lastIndexOf('/')) || '/'

/** Header fields of a METADATA file (`Name`, `Version`, repeated `Requires-Dist`). */
export function parseMetadata(text: string): Map<string, string[]> {
  const fields = new Map<string, string[]>()
  for (const line of text.split(/\r?\n/)) {
    if (line === '') break
    const m = /^([A-Za-z-]+):\s?(.*)$/.exec(line)
    if (!m) continue
    const key = (m[1] as string).toLowerCase()
    fields.set(key, [...(fields.get(key) ?? []), m[2] as string])
  }
  return fields
}

/** Dependencies that apply here: no extras, no environment markers we cannot honour. */
export function runtimeRequirements(metadata: Map<string, string[]>): string[] {
  const out: string[] = []
  for (const raw of metadata.get('requires-dist') ?? []) {
    const [spec, marker] = raw.split(';', 2) as [string, string | undefined]
    if (marker && /extra\s*==/.test(marker)) continue
    const name = /^\s*([A-Za-z0-9][A-Za-z0-9._-]*)/.exec(spec)?.[1]
    if (name) out.push(name)
  }
  return out
}

export async function installWheel(fs: Vfs, filename: string, bytes: Uint8Array): Promise<InstalledDist & { requires: string[] }> {
  let entries
  try {
    entries = readZip(bytes)
  } catch (e) {
    throw new PipError(`${filename} is not a valid wheel: ${e instanceof Error ? e.message : String(e)}`)
  }
  const distInfo = entries.map((e) => e.name.split('/')[0] as string).find((top) => top.endsWith('.dist-info'))
  const metaEntry = distInfo ? entries.find((e) => e.name === `${distInfo}/METADATA`) : undefined
  if (!distInfo || !metaEntry) throw new PipError(`${filename} is not a valid wheel: no .dist-info/METADATA`)
  const metadata = parseMetadata(new TextDecoder().decode(await metaEntry.read()))
  const name = metadata.get('name')?.[0] ?? distInfo.replace(/-[^-]*\.dist-info$/, '')
  const version = metadata.get('version')?.[0] ?? ''
  // Replace an installed version of the same project first.
  for (const dist of listInstalled(fs)) if (normalizeName(dist.name) === normalizeName(name)) uninstallDist(fs, dist)
  const dataDir = distInfo.replace(/\.dist-info$/, '.data')
  const written: string[] = []
  for (const entry of entries) {
    if (entry.name.endsWith('/')) continue
    let rel = entry.name
    if (rel.startsWith(`${dataDir}/`)) {
      const m = /^[^/]+\/(purelib|platlib)\/(.+)$/.exec(rel)
      if (!m) continue
      rel = m[2] as string
    }
    if (rel.split('/').some((seg) => seg === '..' || seg === '') || rel.startsWith('/')) throw new PipError(`${filename}: unsafe path ${entry.name}`)
    const dest = `${SITE_PACKAGES}/${rel}`
    fs.mkdir(parentOf(dest), { recursive: true })
    fs.writeFile(dest, await entry.read())
    written.push(rel)
  }
  fs.writeFile(`${SITE_PACKAGES}/${distInfo}/INSTALLER`, 'pip\n')
  const record = [...written, `${distInfo}/INSTALLER`].map((p) => `${p},,`).join('\n')
  fs.writeFile(`${SITE_PACKAGES}/${distInfo}/RECORD`, `${record}\n`)
  return { name, version, distInfo, requires: runtimeRequirements(metadata) }
}

export function listInstalled(fs: Vfs): InstalledDist[] {
  if (!fs.exists(SITE_PACKAGES)) return []
  const out: InstalledDist[] = []
  for (const e of fs.readdir(SITE_PACKAGES)) {
    if (e.type !== 'dir' || !e.name.endsWith('.dist-info')) continue
    const metaPath = `${SITE_PACKAGES}/${e.name}/METADATA`
    const meta = fs.exists(metaPath) ? parseMetadata(fs.readText(metaPath)) : new Map<string, string[]>()
    const fallback = /^(.*)-([^-]*)\.dist-info$/.exec(e.name)
    out.push({ name: meta.get('name')?.[0] ?? fallback?.[1] ?? e.name, version: meta.get('version')?.[0] ?? fallback?.[2] ?? '', distInfo: e.name })
  }
  return out.sort((a, b) => (a.name.toLowerCase() < b.name.toLowerCase() ? -1 : 1))
}

/** Removes every file the dist's RECORD lists, then empty directories, then the dist-info. */
export function uninstallDist(fs: Vfs, dist: InstalledDist): void {
  const recordPath = `${SITE_PACKAGES}/${dist.distInfo}/RECORD`
  const files = fs.exists(recordPath) ? fs.readText(recordPath).split('\n').map((l) => l.split(',')[0] ?? '').filter(Boolean) : []
  const dirs = new Set<string>()
  for (const rel of files) {
    if (rel.split('/').includes('..')) continue
    const path = `${SITE_PACKAGES}/${rel}`
    fs.rm(path, { force: true })
    for (let d = parentOf(path); d.startsWith(`${SITE_PACKAGES}/`); d = parentOf(d)) dirs.add(d)
  }
  for (const d of [...dirs].sort((a, b) => b.length - a.length)) {
    try {
      if (fs.exists(d) && fs.readdir(d).every((e) => e.name === '__pycache__')) fs.rm(d, { recursive: true, force: true })
    } catch {
      // Not empty: something else lives there.
    }
  }
  fs.rm(`${SITE_PACKAGES}/${dist.distInfo}`, { recursive: true, force: true })
}
