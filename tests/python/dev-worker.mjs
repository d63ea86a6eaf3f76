/**
 * Starts the Python/Ruby test Worker (worker.ts) under `wrangler dev`, bundled once up
 * front (see startBundledWorker). `exec` runs a command line in a named sandbox.
 */
import { existsSync } from 'node:fs'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startBundledWorker } from '../../scripts/lib/wrangler-dev.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const publicDir = resolve(here, '../../packages/worker/public')

export async function startPythonWorker() {
  if (!existsSync(join(publicDir, '_assets', 'pyodide'))) {
    throw new Error('packages/worker/public/_assets/pyodide is missing: run `npm run build -w @nimbus-sh/worker` first')
  }
  const dev = await startBundledWorker({ entry: join(here, 'worker.ts'), config: join(here, 'wrangler.jsonc'), readyPath: '/__test/ready' })
  return {
    ...dev,
    /** Runs `command` in sandbox `sandbox`; resolves to { stdout, stderr, exitCode }. */
    async exec(sandbox, command, opts = {}) {
      const res = await fetch(`${dev.origin}/__test/exec`, {
        method: 'POST',
        body: JSON.stringify({ sandbox, command, ...opts }),
      })
      if (!res.ok) throw new Error(`exec answered ${res.status}: ${await res.text()}`)
      return res.json()
    },
    /** Calls the SDK (Nimbus.fromEnv(env, config).sandbox(id)) inside the Worker. */
    async sdk(sandbox, call, args = [], config = {}) {
      const res = await fetch(`${dev.origin}/__test/sdk`, { method: 'POST', body: JSON.stringify({ sandbox, call, args, config }) })
      if (!res.ok) throw new Error(`sdk answered ${res.status}: ${await res.text()}`)
      return res.json()
    },
    async cache(method, key, body) {
      const res = await fetch(`${dev.origin}/__test/cache?key=${encodeURIComponent(key)}`, { method, ...(body ? { body } : {}) })
      if (!res.ok) throw new Error(`cache ${method} answered ${res.status}`)
    },
  }
}
