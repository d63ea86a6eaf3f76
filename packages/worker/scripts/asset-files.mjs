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
