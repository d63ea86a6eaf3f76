/**
 * Starts the runtime test Worker (worker/index.ts) under `wrangler dev`. The Worker is
 * bundled once up front and served with --no-bundle, so edits elsewhere in the tree do not
 * reload it in the middle of a test.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { builtinModules } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { startWranglerDev } from '../../scripts/lib/wrangler-dev.mjs'

const here = dirname(fileURLToPath(import.meta.url))

export async function startRuntimeWorker({ vars = {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), 'nimbus-runtime-worker-'))
  await build({
    entryPoints: [join(here, 'worker', 'index.ts')],
    outfile: join(dir, 'index.js'),
    bundle: true,
    format: 'esm',
    platform: 'neutral',
    target: 'es2022',
    conditions: ['workerd', 'worker', 'browser'],
    mainFields: ['module', 'main'],
    external: ['cloudflare:*', 'node:*', ...builtinModules],
    // CommonJS dependencies require() Node built-ins; give the bundle a require.
    banner: { js: "import { createRequire as __cr } from 'node:module'; const require = __cr('/index.js');" },
    logLevel: 'error',
  })
  const config = JSON.parse(
    readFileSync(join(here, 'worker', 'wrangler.jsonc'), 'utf8')
      .split('\n')
      .filter((l) => !l.trim().startsWith('//'))
      .join('\n'),
  )
  config.main = './index.js'
  config.assets.directory = resolve(here, '../../packages/worker/public')
  config.vars = { ...config.vars, ...vars }
  writeFileSync(join(dir, 'wrangler.json'), JSON.stringify(config))
  const dev = await startWranglerDev({ config: join(dir, 'wrangler.json'), args: ['--no-bundle'], readyPath: '/healthz' })
  return {
    ...dev,
    async stop() {
      await dev.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
