/**
 * Starts the Python/Ruby test Worker (worker.ts) under `wrangler dev`, bundled once up
 * front and served with --no-bundle so edits elsewhere in the tree do not reload it in the
 * middle of a test. `exec` runs a command line in a named sandbox.
 */
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { startWranglerDev } from '../../scripts/lib/wrangler-dev.mjs'

const here = dirname(fileURLToPath(import.meta.url))
const publicDir = resolve(here, '../../packages/worker/public')

export async function startPythonWorker() {
  if (!existsSync(join(publicDir, '_assets', 'pyodide'))) {
    throw new Error('packages/worker/public/_assets/pyodide is missing: run `npm run build -w @nimbus-sh/worker` first')
  }
  const dir = mkdtempSync(join(tmpdir(), 'nimbus-python-worker-'))
  await build({
    entryPoints: [join(here, 'worker.ts')],
    outfile: join(dir, 'index.js'),
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    external: ['cloudflare:*', 'node:*', ...builtinModules],
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr('/index.js');" },
    logLevel: 'error',
  })
  const config = JSON.parse(
    readFileSync(join(here, 'wrangler.jsonc'), 'utf8')
      .split('\n')
      .filter((l) => !l.trim().startsWith('//'))
      .join('\n'),
  )
  config.main = './index.js'
  config.assets.directory = publicDir
  writeFileSync(join(dir, 'wrangler.json'), JSON.stringify(config))
  const dev = await startWranglerDev({ config: join(dir, 'wrangler.json'), args: ['--no-bundle'], readyPath: '/__test/ready' })
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
    async stop() {
      await dev.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
