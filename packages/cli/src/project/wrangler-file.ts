/** Finds and reads the project's wrangler.jsonc (or wrangler.json) for bucket names. */
import { readFile } from 'node:fs/promises'
import { resolve } from 'node:path'
import type { NimbusR2Binding } from '@nimbus-sh/config'
import { CliError } from '../errors.js'
import { EXIT } from '../exit-codes.js'

export const WRANGLER_FILES = ['wrangler.jsonc', 'wrangler.json'] as const

export interface WranglerBuckets {
  /** Path read, or undefined when the names were derived from `--name`. */
  source?: string
  workerName?: string
  buckets: Record<NimbusR2Binding, string>
}

async function readIfExists(path: string): Promise<string | undefined> {
  try {
    return await readFile(path, 'utf8')
  } catch (err) {
    if (err instanceof Error && 'code' in err && err.code === 'ENOENT') return undefined
    throw err
  }
}

/** Bucket names from `<cwd>/wrangler.jsonc`; undefined when there is no wrangler file. */
export async function readWranglerBuckets(cwd: string, configPath?: string): Promise<WranglerBuckets | undefined> {
  const { nimbusBucketsFromWrangler, parseJsonc } = await import('@nimbus-sh/config')
  const candidates = configPath ? [resolve(cwd, configPath)] : WRANGLER_FILES.map((f) => resolve(cwd, f))
  for (const path of candidates) {
    const text = await readIfExists(path)
    if (text === undefined) continue
    try {
      const parsed = parseJsonc(text, path)
      const name = typeof parsed === 'object' && parsed !== null && 'name' in parsed && typeof parsed.name === 'string' ? parsed.name : undefined
      return { source: path, ...(name ? { workerName: name } : {}), buckets: nimbusBucketsFromWrangler(parsed, path) }
    } catch (err) {
      const message = err instanceof Error ? err.message : String(err)
      throw new CliError('E_WRANGLER_CONFIG', message, EXIT.LOCAL, 'Fix the file (`nimbus init` generates a complete one), then rerun.')
    }
  }
  if (configPath) throw new CliError('E_WRANGLER_CONFIG', `${candidates[0]} does not exist`, EXIT.LOCAL, 'Pass the path of your wrangler.jsonc with --config.')
  return undefined
}
