/**
 * Builds the C/C++ toolchain's runtime assets into `public/_assets/clang/<version>/`
 * (git-ignored): the compiler's wasm modules and sysroot from @yowasp/clang, and the two
 * isolate bundles. The package's own bundle fetches and compiles its wasm at run time,
 * which workerd refuses; the build rewrites its two loader functions to take the modules
 * the Worker Loader hands the isolate instead. Run by `npm run build`, after tsc.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { bundleIsolate, putAsset } from './asset-files.mjs'

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const { CLANG_ASSETS, CLANG_PACKAGE_VERSION, CORE_MODULE_NAMES } = await import(pathToFileURL(join(pkgDir, 'dist/runtimes/clang/assets.js')).href)

const bundlePath = require.resolve('@yowasp/clang')
const genDir = dirname(bundlePath)
const installed = JSON.parse(await readFile(join(genDir, '..', 'package.json'), 'utf8')).version
if (installed !== CLANG_PACKAGE_VERSION) {
  throw new Error(`@yowasp/clang ${installed} is installed but the runtime expects ${CLANG_PACKAGE_VERSION}: update CLANG_PACKAGE_VERSION in src/runtimes/clang/assets.ts`)
}

// A Worker Loader isolate holds at most 64 MiB of code, and the compiler module is 75 MB:
// its 9.5 MB of data segments travel separately and are written into memory at start-up.
const [main, ...rest] = CORE_MODULE_NAMES
const split = join(pkgDir, '.tmp', 'clang')
await mkdir(split, { recursive: true })
const { code, segments } = splitDataSegments(await readFile(join(genDir, main)))
await writeFile(join(split, main), code)
await writeFile(join(split, 'data-segments.bin'), segments)
await putAsset(CLANG_ASSETS.cores[0], join(split, main))
await putAsset(CLANG_ASSETS.dataSegments, join(split, 'data-segments.bin'))
for (const [i, name] of rest.entries()) await putAsset(CLANG_ASSETS.cores[i + 1], join(genDir, name))
await putAsset(CLANG_ASSETS.sysroot, join(genDir, 'llvm-resources.tar'))

/**
 * Takes the data section out of a wasm module. Returns the module without it and the
 * segments as `count, then per segment: offset, length, bytes` (u32 little-endian).
 * Only active segments with a constant offset are supported, as wasm-ld writes them.
 */
function splitDataSegments(wasm) {
  let p = 8
  const uleb = () => {
    let result = 0
    let shift = 0
    for (;;) {
      const byte = wasm[p++]
      result += (byte & 0x7f) * 2 ** shift
      shift += 7
      if ((byte & 0x80) === 0) return result
    }
  }
  const sleb = () => {
    let result = 0
    let shift = 0
    let byte
    do {
      byte = wasm[p++]
      result |= (byte & 0x7f) << shift
      shift += 7
    } while (byte & 0x80)
    return shift < 32 && byte & 0x40 ? result | (~0 << shift) : result
  }
  const kept = [wasm.subarray(0, 8)]
  const parts = []
  let count = 0
  while (p < wasm.length) {
    const sectionStart = p
    const id = wasm[p++]
    const size = uleb()
    const end = p + size
    if (id === 12) throw new Error('@yowasp/clang: the compiler module has a data count section; splitting its data is not supported')
    if (id !== 11) {
      kept.push(wasm.subarray(sectionStart, end))
      p = end
      continue
    }
    count = uleb()
    for (let i = 0; i < count; i++) {
      const flags = uleb()
      if (flags !== 0 || wasm[p++] !== 0x41) throw new Error('@yowasp/clang: unsupported data segment in the compiler module')
      const offset = sleb()
      if (wasm[p++] !== 0x0b) throw new Error('@yowasp/clang: unsupported data segment offset in the compiler module')
      const length = uleb()
      const head = Buffer.alloc(8)
      head.writeUInt32LE(offset >>> 0, 0)
      head.writeUInt32LE(length, 4)
      parts.push(head, wasm.subarray(p, p + length))
      p += length
    }
    p = end
  }
  const header = Buffer.alloc(4)
  header.writeUInt32LE(count, 0)
  return { code: Buffer.concat(kept), segments: Buffer.concat([header, ...parts]) }
}

/** The toolchain bundle with its resource loaders taking the isolate's modules. */
function patchedToolchain(source) {
  const loaders = /var modules = async \(fetch3\) => \(\{[\s\S]*?\n\}\);\nvar filesystem = async \(fetch3\) => \(\{[\s\S]*?\n\}\);\n/
  if (!loaders.test(source)) throw new Error(`@yowasp/clang ${installed}: its resource loaders changed shape; update scripts/build-clang-assets.mjs`)
  const instantiateSignature = 'function instantiate(getCoreModule, imports, instantiateCore = WebAssembly.instantiate) {'
  if (!source.includes(instantiateSignature)) throw new Error(`@yowasp/clang ${installed}: its instantiate function changed shape; update scripts/build-clang-assets.mjs`)
  const imports = CORE_MODULE_NAMES.map((name, i) => `import core${i} from "./${name}";\n`).join('') + 'import { resources as __nimbusResources, instantiateWithData as __nimbusInstantiate } from "./resources.js";\n'
  const modules = CORE_MODULE_NAMES.map((name, i) => `"${name}": core${i}`).join(', ')
  return (
    imports +
    source
      .replace(loaders, `var modules = async () => ({ ${modules} });\nvar filesystem = async () => ({ "usr": unpackTarFilesystem(__nimbusResources().sysroot) });\n`)
      .replace(instantiateSignature, 'function instantiate(getCoreModule, imports, instantiateCore = (m, i) => __nimbusInstantiate(m, i, core0)) {')
  )
}

const external = ['node:*', ...CORE_MODULE_NAMES.map((n) => `./${n}`), './program.wasm']
const toolchainPlugin = {
  name: 'nimbus-clang-toolchain',
  setup(b) {
    b.onLoad({ filter: /[\\/]@yowasp[\\/]clang[\\/]gen[\\/]bundle\.js$/ }, async (args) => ({
      contents: patchedToolchain(await readFile(args.path, 'utf8')),
      loader: 'js',
      resolveDir: join(pkgDir, 'src/runtimes/clang/isolate'),
    }))
  },
}
const isolateDir = join(pkgDir, 'src/runtimes/clang/isolate')
await bundleIsolate(join(isolateDir, 'compiler.js'), CLANG_ASSETS.compilerJs, { external, plugins: [toolchainPlugin] })
await bundleIsolate(join(isolateDir, 'program.js'), CLANG_ASSETS.programJs, { external })
