/**
 * Node's module resolution over the sandbox filesystem: relative and absolute paths,
 * `node_modules` lookup up the directory tree, package.json `exports` (with conditions,
 * subpaths and `*` patterns), `main`, and the extension/index probing CommonJS does.
 * Runs synchronously in the Durable Object, where the files are.
 */
import type { Vfs } from '../../vfs/types.js'
import { dirname, normalizePath } from '../../vfs/path.js'

export type ResolveKind = 'require' | 'import'

const EXTENSIONS = ['.js', '.json', '.cjs', '.mjs', '.ts', '.tsx', '.jsx', '.mts', '.cts', '.node']

const isFile = (fs: Vfs, p: string): boolean => {
  try {
    return fs.stat(p).type === 'file'
  } catch {
    return false
  }
}
const isDir = (fs: Vfs, p: string): boolean => {
  try {
    return fs.stat(p).type === 'dir'
  } catch {
    return false
  }
}

/** A package.json parsed once per run; malformed files count as empty. */
export function readPackageJson(fs: Vfs, dir: string): Record<string, unknown> | undefined {
  const p = `${dir === '/' ? '' : dir}/package.json`
  if (!isFile(fs, p)) return undefined
  try {
    const v: unknown = JSON.parse(fs.readText(p))
    return v !== null && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {}
  } catch {
    return {}
  }
}

function asFile(fs: Vfs, p: string): string | undefined {
  if (isFile(fs, p)) return p
  for (const ext of EXTENSIONS) if (isFile(fs, p + ext)) return p + ext
  return undefined
}

function asDirectory(fs: Vfs, p: string): string | undefined {
  if (!isDir(fs, p)) return undefined
  const pkg = readPackageJson(fs, p)
  const main = pkg && typeof pkg.main === 'string' ? pkg.main : undefined
  if (main) {
    const m = normalizePath(main, p)
    const found = asFile(fs, m) ?? asIndex(fs, m)
    if (found) return found
  }
  return asIndex(fs, p)
}

const asIndex = (fs: Vfs, p: string): string | undefined => {
  for (const ext of EXTENSIONS) if (isFile(fs, `${p}/index${ext}`)) return `${p}/index${ext}`
  return undefined
}

/** The condition names a lookup honours, in Node's order of precedence. */
const conditionsFor = (kind: ResolveKind): Set<string> => new Set(kind === 'import' ? ['node', 'import', 'module-sync', 'default'] : ['node', 'require', 'module-sync', 'default'])

/** Picks a target from an `exports` value for `subpath` ('.' or './x'). */
export function exportsTarget(exportsField: unknown, subpath: string, kind: ResolveKind): string | null | undefined {
  let map: unknown = exportsField
  const isSubpathMap = (v: unknown): v is Record<string, unknown> =>
    v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).some((k) => k.startsWith('.'))
  if (!isSubpathMap(map)) map = { '.': map }
  const entries = map as Record<string, unknown>
  if (Object.hasOwn(entries, subpath)) return pickCondition(entries[subpath], conditionsFor(kind), '')
  let best: { key: string; star: string } | undefined
  for (const key of Object.keys(entries)) {
    const star = key.indexOf('*')
    if (star === -1) continue
    const prefix = key.slice(0, star)
    const suffix = key.slice(star + 1)
    if (subpath.startsWith(prefix) && subpath.endsWith(suffix) && subpath.length >= key.length - 1) {
      if (!best || prefix.length > best.key.indexOf('*')) best = { key, star: subpath.slice(prefix.length, subpath.length - suffix.length) }
    }
  }
  if (best) return pickCondition(entries[best.key], conditionsFor(kind), best.star)
  return undefined
}

function pickCondition(v: unknown, conditions: Set<string>, star: string): string | null | undefined {
  if (v === null) return null
  if (typeof v === 'string') return v.replaceAll('*', star)
  if (Array.isArray(v)) {
    for (const item of v) {
      const r = pickCondition(item, conditions, star)
      if (r) return r
    }
    return undefined
  }
  if (typeof v === 'object') {
    for (const [cond, target] of Object.entries(v as Record<string, unknown>)) {
      if (!conditions.has(cond)) continue
      const r = pickCondition(target, conditions, star)
      if (r !== undefined) return r
    }
  }
  return undefined
}

/** `name` and `./subpath` of a bare specifier (`@scope/pkg/x` → `@scope/pkg`, `./x`). */
export function splitBare(spec: string): { name: string; subpath: string } {
  const parts = spec.split('/')
  const n = spec.startsWith('@') ? 2 : 1
  const name = parts.slice(0, n).join('/')
  const rest = parts.slice(n).join('/')
  return { name, subpath: rest ? `./${rest}` : '.' }
}

function resolvePackage(fs: Vfs, spec: string, fromDir: string, kind: ResolveKind): string | undefined {
  const { name, subpath } = splitBare(spec)
  for (let dir = fromDir; ; dir = dirname(dir)) {
    if (!dir.endsWith('/node_modules')) {
      const pkgDir = `${dir === '/' ? '' : dir}/node_modules/${name}`
      if (isDir(fs, pkgDir)) {
        const pkg = readPackageJson(fs, pkgDir)
        if (pkg && pkg.exports !== undefined) {
          const target = exportsTarget(pkg.exports, subpath, kind)
          if (typeof target === 'string') return asFile(fs, normalizePath(target, pkgDir))
          return undefined
        }
        const full = subpath === '.' ? pkgDir : `${pkgDir}/${subpath.slice(2)}`
        const found = asFile(fs, full) ?? asDirectory(fs, full)
        if (found) return found
      }
    }
    if (dir === '/') return undefined
  }
}

/** Package self-reference and `#imports` are rare in programs; not handled yet. */
export function resolveModule(fs: Vfs, spec: string, fromDir: string, kind: ResolveKind = 'require'): string | undefined {
  if (spec.startsWith('/') || spec.startsWith('./') || spec.startsWith('../') || spec === '.' || spec === '..') {
    const p = normalizePath(spec, fromDir)
    return asFile(fs, p) ?? asDirectory(fs, p)
  }
  if (spec.startsWith('file://')) return asFile(fs, decodeURIComponent(new URL(spec).pathname))
  return resolvePackage(fs, spec, fromDir, kind)
}

/** The esbuild loader for a file, by extension (CommonJS vs ESM is esbuild's call). */
export function loaderFor(path: string): 'js' | 'ts' | 'tsx' | 'jsx' | 'json' | 'text' {
  if (/\.(m|c)?ts$/.test(path)) return 'ts'
  if (path.endsWith('.tsx')) return 'tsx'
  if (path.endsWith('.jsx')) return 'jsx'
  if (path.endsWith('.json')) return 'json'
  if (/\.(m|c)?js$/.test(path)) return 'js'
  return 'js'
}
