/**
 * Builds the modules of a program isolate from a file or `-e` source: CommonJS that only
 * needs built-ins is wrapped as is (no esbuild: the fast path for `node -e`); anything
 * else (ESM, TypeScript, JSX, relative files, packages) is bundled by esbuild with
 * resolution and file loading done here, over the sandbox filesystem. Bundles are cached
 * in memory and reused while none of their input files changed.
 */
import type { Vfs } from '../../vfs/types.js'
import { dirname } from '../../vfs/path.js'
import { esbuild, type BundleHost, type BundleLoad, type BundleResolution } from '../esbuild/service.js'
import { builtinModule, builtinName } from './builtins.js'
import type { RuntimeHost } from './host.js'
import { guardLoops } from './loop-guard.js'
import { loaderFor, readPackageJson, resolveModule } from './resolve.js'
import { needsOnlyBuiltins, wrapBundle, wrapCommonJs } from './wrap.js'

export type ProgramModules = Record<string, string | { cjs: string } | { js: string }>

export type BuildResult = { ok: true; modules: ProgramModules; bundled: boolean } | { ok: false; message: string }

export interface ProgramSource {
  /** Absolute path of the entry file, or undefined for `-e`. */
  entry?: string
  /** Source for `-e` / `-p`. */
  code?: string
  cwd: string
  /** Force ESM for `-e` (`--input-type=module`). */
  module?: boolean
}

interface CacheEntry {
  modules: ProgramModules
  inputs: Array<[string, number, number]>
}
const bundleCache = new Map<string, CacheEntry>()
const MAX_CACHE = 64

const isBuiltin = (spec: string) => builtinName(spec) !== undefined

/** Whether `path` is ESM by extension or by its package's `"type": "module"`. */
function isEsmFile(fs: Vfs, path: string): boolean {
  if (path.endsWith('.mjs') || path.endsWith('.mts')) return true
  if (path.endsWith('.cjs') || path.endsWith('.cts')) return false
  for (let d = dirname(path); ; d = dirname(d)) {
    const pkg = readPackageJson(fs, d)
    if (pkg) return pkg.type === 'module'
    if (d === '/') return false
  }
}

const stamp = (fs: Vfs, path: string): [string, number, number] => {
  try {
    const st = fs.stat(path)
    return [path, st.mtimeMs, st.size]
  } catch {
    return [path, -1, -1]
  }
}

export async function buildProgram(fs: Vfs, host: RuntimeHost, src: ProgramSource): Promise<BuildResult> {
  const source = src.entry === undefined ? (src.code ?? '') : fs.readText(src.entry)
  const plainJs = src.entry === undefined ? !src.module : /\.(c?js)$/.test(src.entry) && !isEsmFile(fs, src.entry)
  if (plainJs && needsOnlyBuiltins(source, isBuiltin)) return { ok: true, modules: wrapCommonJs(guardLoops(source)), bundled: false }

  const key = src.entry === undefined ? `eval:${src.cwd}:${src.module ? 'm' : 'c'}:${source}` : `file:${src.entry}`
  const cached = bundleCache.get(key)
  if (cached && cached.inputs.every(([p, m, s]) => {
    const [, m2, s2] = stamp(fs, p)
    return m === m2 && s === s2
  })) {
    return { ok: true, modules: cached.modules, bundled: true }
  }

  const inputs = new Map<string, [string, number, number]>()
  let missing = false
  const bundleHost: BundleHost = {
    resolve: (spec, importer, resolveDir, kind) => {
      const r = resolveFor(fs, spec, importer, resolveDir, kind, inputs)
      if (r.namespace === 'missing') missing = true
      return r
    },
    load: (path) => loadFor(fs, path, inputs),
  }
  const entryFile = src.entry
  const request = entryFile
    ? { entry: entryFile }
    : { stdin: { contents: guardLoops(source), resolveDir: src.cwd, sourcefile: '[eval]', loader: src.module ? 'js' : 'js' } }
  if (entryFile) inputs.set(entryFile, stamp(fs, entryFile))
  const result = await esbuild(host).bundle(request, bundleHost)
  if (result.code === undefined) return { ok: false, message: result.errors.join('\n') }
  const modules = wrapBundle(result.code)
  // A bundle with a missing module is not kept: installing the module must change the result.
  if (!missing) {
    if (bundleCache.size >= MAX_CACHE) bundleCache.delete(bundleCache.keys().next().value as string)
    bundleCache.set(key, { modules, inputs: [...inputs.values()] })
  }
  return { ok: true, modules, bundled: true }
}

function resolveFor(fs: Vfs, spec: string, importer: string, resolveDir: string, kind: string, inputs: Map<string, [string, number, number]>): BundleResolution {
  if (kind === 'entry-point') {
    return { path: spec }
  }
  const name = builtinName(spec)
  if (name !== undefined) return { path: builtinModule(name), external: true }
  const from = resolveDir || (importer ? dirname(importer) : '/')
  const found = resolveModule(fs, spec, from, kind === 'require-call' || kind === 'require-resolve' ? 'require' : 'import')
  if (found) {
    let real = found
    try {
      real = fs.realpath(found)
    } catch {
      // Keep the unresolved path; loading reports the failure.
    }
    inputs.set(real, stamp(fs, real))
    return { path: real }
  }
  if (kind === 'require-call' || kind === 'dynamic-import' || kind === 'require-resolve') return { namespace: 'missing' }
  const who = importer && importer !== '<stdin>' ? importer : `${from}/[eval]`
  const bare = !/^(\.{1,2}\/|\/|\.{1,2}$)/.test(spec)
  return { error: bare ? `Cannot find package '${spec}' imported from ${who}` : `Cannot find module '${spec}' imported from ${who}` }
}

function loadFor(fs: Vfs, path: string, inputs: Map<string, [string, number, number]>): BundleLoad {
  inputs.set(path, stamp(fs, path))
  let contents = fs.readText(path)
  const loader = loaderFor(path)
  if ((loader === 'js' || loader === 'ts') && !path.includes('/node_modules/')) contents = guardLoops(contents)
  if (loader !== 'json') {
    // Each file sees its own location, as it would under Node.
    if (/\bimport\.meta\.(url|dirname|filename)\b/.test(contents)) {
      contents = contents
        .replaceAll('import.meta.url', JSON.stringify(`file://${path}`))
        .replaceAll('import.meta.dirname', JSON.stringify(dirname(path)))
        .replaceAll('import.meta.filename', JSON.stringify(path))
    }
    if (/\b__(dirname|filename)\b/.test(contents) && !/\b(var|let|const)\s+__(dirname|filename)\b/.test(contents)) {
      contents = `var __filename = ${JSON.stringify(path)}, __dirname = ${JSON.stringify(dirname(path))};${contents.startsWith('#!') ? '//' : ''}${contents}`
    }
  }
  return { contents, loader, resolveDir: dirname(path) }
}
