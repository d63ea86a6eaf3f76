/**
 * Starts the runtime test Worker (worker/index.ts) under `wrangler dev`, bundled once up
 * front (see startBundledWorker).
 */
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startBundledWorker } from '../../scripts/lib/wrangler-dev.mjs'

const here = dirname(fileURLToPath(import.meta.url))

export function startRuntimeWorker({ vars = {} } = {}) {
  return startBundledWorker({ entry: join(here, 'worker', 'index.ts'), config: join(here, 'worker', 'wrangler.jsonc'), vars, readyPath: '/healthz' })
}
