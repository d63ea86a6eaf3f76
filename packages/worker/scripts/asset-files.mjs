/**
 * Writing runtime assets into `public/_assets/` for the build scripts: gzip-compressed when
 * the key ends in `.gz` (static assets are capped at 25 MiB each), skipped when the copy is
 * newer than its source.
 */
import { mkdir, readFile, stat, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gzipSync } from 'node:zlib'

export const outRoot = join(dirname(fileURLToPath(import.meta.url)), '..', 'public', '_assets')

export const exists = async (p) => stat(p).then(() => true, () => false)

/** Writes asset `key` from `source`. */
export async function putAsset(key, source) {
  const dest = join(outRoot, key)
  const bytes = await readFile(source)
  await mkdir(dirname(dest), { recursive: true })
  if (await exists(dest)) {
    const srcStat = await stat(source)
    const destStat = await stat(dest)
    if (destStat.mtimeMs >= srcStat.mtimeMs && (key.endsWith('.gz') || destStat.size === bytes.length)) return
  }
  const body = key.endsWith('.gz') ? gzipSync(bytes, { level: 6 }) : bytes
  await writeFile(dest, body)
  console.log(`  public/_assets/${key}  ${(body.length / 1024 / 1024).toFixed(1)} MiB`)
}

/**
 * Bundles an isolate's entry module into asset `key`: plain ESM for workerd, with the
 * modules the Worker Loader hands the isolate (`external`) left as imports.
 */
export async function bundleIsolate(entry, key, { external = [], plugins = [] } = {}) {
  const { build } = await import('esbuild')
  const outfile = join(outRoot, key)
  await build({
    entryPoints: [entry],
    outfile,
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    mainFields: ['module', 'main'],
    conditions: ['import', 'browser'],
    external: ['cloudflare:workers', ...external],
    plugins,
    minify: true,
    logLevel: 'error',
  })
  console.log(`  public/_assets/${key}  ${((await stat(outfile)).size / 1024).toFixed(1)} KiB`)
}
