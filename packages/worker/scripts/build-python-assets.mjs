/**
 * Builds the runtime assets Python (pyodide) and Ruby (ruby.wasm) load lazily at run time,
 * into `public/_assets/` (git-ignored): the same keys the runtimes read from the
 * NIMBUS_RUNTIME_CACHE bucket, so `nimbus runtime sync --from public/_assets` fills it.
 * Large files are stored gzip-compressed (static assets are capped at 25 MiB each).
 * It also boots pyodide once inside workerd and stores a memory snapshot of the booted
 * interpreter, which cuts a sandbox's first `python` run from seconds to well under one;
 * the snapshot is rebuilt only when its inputs change. Run by `npm run build`, after tsc.
 */
import { createHash } from 'node:crypto'
import { mkdir, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { bundleIsolate, exists, outRoot, putAsset } from './asset-files.mjs'

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)

const { PYODIDE_VERSION, PYTHON_ASSETS } = await import(pathToFileURL(join(pkgDir, 'dist/runtimes/python/assets.js')).href)
const pyodideDir = dirname(require.resolve('pyodide/package.json'))
const pyodidePkg = JSON.parse(await readFile(join(pyodideDir, 'package.json'), 'utf8'))
if (pyodidePkg.version !== PYODIDE_VERSION) {
  throw new Error(`pyodide ${pyodidePkg.version} is installed but the runtime expects ${PYODIDE_VERSION}: update PYODIDE_VERSION in src/runtimes/python/assets.ts`)
}

const sources = {
  asmJs: join(pyodideDir, 'pyodide.asm.mjs'),
  loaderJs: join(pyodideDir, 'pyodide.mjs'),
  wasm: join(pyodideDir, 'pyodide.asm.wasm'),
  stdlib: join(pyodideDir, 'python_stdlib.zip'),
  lock: join(pyodideDir, 'pyodide-lock.json'),
}
for (const [name, source] of Object.entries(sources)) await putAsset(PYTHON_ASSETS[name], source)
// Files of earlier layouts (gzip-compressed wasm and snapshot) are no longer read.
for (const stale of ['pyodide.asm.mjs.gz', 'pyodide.asm.wasm.gz', 'snapshot.bin.gz']) await rm(join(outRoot, 'pyodide', PYODIDE_VERSION, stale), { force: true })

// Ruby: the interpreter with its standard library, for @ruby/3.3-wasm-wasi.
const rubyBuild = join(pkgDir, 'dist/runtimes/ruby/assets.js')
if (await exists(rubyBuild)) {
  const { RUBY_ASSETS } = await import(pathToFileURL(rubyBuild).href)
  // The package exports no package.json: find it on the resolution paths.
  const candidates = (require.resolve.paths('@ruby/3.3-wasm-wasi') ?? []).map((d) => join(d, '@ruby', '3.3-wasm-wasi'))
  const rubyDir = (await Promise.all(candidates.map(async (d) => ((await exists(join(d, 'dist', 'ruby+stdlib.wasm'))) ? d : undefined)))).find(Boolean)
  if (!rubyDir) throw new Error('@ruby/3.3-wasm-wasi is not installed')
  await putAsset(RUBY_ASSETS.wasm, join(rubyDir, 'dist', 'ruby+stdlib.wasm'))
  // The isolate's JavaScript with the WASI shim and ruby.wasm's JS side bundled in.
  await bundleIsolate(join(pkgDir, 'src/runtimes/ruby/isolate/main.js'), RUBY_ASSETS.isolateJs, { external: ['./ruby.wasm'] })
}

try {
  await buildSnapshot()
} catch (e) {
  // Python still works without the snapshot, only its first run per sandbox is slower.
  for (const key of PYTHON_ASSETS.snapshot) await rm(join(outRoot, key), { force: true })
  console.warn(`  warning: no pyodide memory snapshot (${e instanceof Error ? e.message : e}); first runs will boot from scratch`)
}

/** Boots pyodide in workerd (the runtime the snapshot is restored in) and saves its memory. */
async function buildSnapshot() {
  const { MAIN_JS, SHIMS_JS } = await import(pathToFileURL(join(pkgDir, 'dist/runtimes/python/isolate-source.js')).href)
  const { ISOLATE_COMPATIBILITY_DATE } = await import(pathToFileURL(join(pkgDir, 'dist/runtimes/python/isolate.js')).href)
  const wrangler = createRequire(require.resolve('wrangler/package.json'))
  const miniflarePkg = JSON.parse(await readFile(wrangler.resolve('miniflare/package.json'), 'utf8'))
  const inputs = createHash('sha256')
  for (const part of [MAIN_JS, SHIMS_JS, PYODIDE_VERSION, ISOLATE_COMPATIBILITY_DATE, miniflarePkg.version]) inputs.update(String(part))
  const stamp = inputs.digest('hex')
  const dests = PYTHON_ASSETS.snapshot.map((key) => join(outRoot, key))
  const stampFile = join(pkgDir, '.tmp', 'python-snapshot.inputs')
  if ((await Promise.all(dests.map(exists))).every(Boolean) && (await readFile(stampFile, 'utf8').catch(() => '')) === stamp) return
  const { Miniflare, convertV4MiniflareOptions } = wrangler('miniflare')
  const started = Date.now()
  const mf = new Miniflare(convertV4MiniflareOptions({
    compatibilityDate: ISOLATE_COMPATIBILITY_DATE,
    modulesRoot: '/',
    modules: [
      { type: 'ESModule', path: '/build.js', contents: "import PythonIsolate from './main.js'\nexport default { async fetch() { return new Response(await PythonIsolate.prototype.makeSnapshot.call(null)) } }\n" },
      { type: 'ESModule', path: '/main.js', contents: MAIN_JS },
      { type: 'ESModule', path: '/shims.js', contents: SHIMS_JS },
      { type: 'ESModule', path: '/pyodide.asm.mjs', contents: await readFile(sources.asmJs, 'utf8') },
      { type: 'ESModule', path: '/pyodide.mjs', contents: await readFile(sources.loaderJs, 'utf8') },
      { type: 'CompiledWasm', path: '/pyodide.asm.wasm', contents: await readFile(sources.wasm) },
      { type: 'Data', path: '/python_stdlib.zip', contents: await readFile(sources.stdlib) },
      { type: 'Text', path: '/pyodide-lock.json', contents: await readFile(sources.lock, 'utf8') },
      { type: 'Data', path: '/snapshot.0', contents: new Uint8Array(0) },
      { type: 'Data', path: '/snapshot.1', contents: new Uint8Array(0) },
      { type: 'Text', path: '/runner.py', contents: '' },
    ],
  }))
  try {
    const res = await mf.dispatchFetch('http://snapshot.invalid/')
    if (!res.ok) throw new Error(`snapshot worker answered ${res.status}: ${await res.text()}`)
    const snapshot = new Uint8Array(await res.arrayBuffer())
    // Two parts, each under the 25 MiB limit of one static asset.
    const half = Math.ceil(snapshot.length / 2)
    if (half > 24 * 1024 * 1024) throw new Error(`the snapshot is ${snapshot.length} bytes, too large for two 24 MiB parts`)
    await mkdir(dirname(dests[0]), { recursive: true })
    await writeFile(dests[0], snapshot.subarray(0, half))
    await writeFile(dests[1], snapshot.subarray(half))
    await mkdir(dirname(stampFile), { recursive: true })
    await writeFile(stampFile, stamp)
    console.log(`  public/_assets/${PYTHON_ASSETS.snapshot.join(', ')}  ${(snapshot.length / 1024 / 1024).toFixed(1)} MiB (booted in workerd in ${((Date.now() - started) / 1000).toFixed(1)} s)`)
  } finally {
    await mf.dispose()
  }
}
