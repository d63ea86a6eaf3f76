/**
 * Starts `wrangler dev` for a config on a free loopback port and waits until it answers.
 * Used by the bench scripts; the caller must `stop()` it.
 */
import { spawn } from 'node:child_process'
import { mkdtempSync, rmSync } from 'node:fs'
import { createRequire } from 'node:module'
import net from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

const require = createRequire(import.meta.url)

export async function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer()
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address()
      srv.close(() => resolve(port))
    })
    srv.on('error', reject)
  })
}

export async function startWranglerDev({ config, args = [], readyPath = '/', timeoutMs = 90_000 }) {
  const port = await freePort()
  const persist = mkdtempSync(join(tmpdir(), 'nimbus-dev-'))
  const wrangler = join(dirname(require.resolve('wrangler/package.json')), 'bin/wrangler.js')
  const child = spawn(
    process.execPath,
    [wrangler, 'dev', '--config', config, '--ip', '127.0.0.1', '--port', String(port), '--persist-to', persist, '--inspector-port', '0', ...args],
    { stdio: ['ignore', 'pipe', 'pipe'], detached: true, env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: 'true' } },
  )
  let log = ''
  child.stdout.on('data', (d) => (log += d))
  child.stderr.on('data', (d) => (log += d))
  const origin = `http://127.0.0.1:${port}`
  const deadline = Date.now() + timeoutMs
  for (;;) {
    if (child.exitCode !== null) throw new Error(`wrangler dev exited early:\n${log}`)
    try {
      const res = await fetch(origin + readyPath)
      await res.arrayBuffer()
      break
    } catch {
      if (Date.now() > deadline) {
        process.kill(-child.pid, 'SIGKILL')
        throw new Error(`wrangler dev did not answer within ${timeoutMs} ms:\n${log}`)
      }
      await new Promise((r) => setTimeout(r, 250))
    }
  }
  return {
    origin,
    port,
    log: () => log,
    async stop() {
      try {
        process.kill(-child.pid, 'SIGTERM')
      } catch {}
      await new Promise((r) => setTimeout(r, 300))
      try {
        process.kill(-child.pid, 'SIGKILL')
      } catch {}
      rmSync(persist, { recursive: true, force: true })
    },
  }
}

/**
 * Bundles a test Worker once with esbuild and serves it with `wrangler dev --no-bundle`, so
 * edits elsewhere in the tree do not reload it in the middle of a test. `config` is the
 * Worker's wrangler.jsonc (line comments allowed); its assets come from the worker package.
 */
export async function startBundledWorker({ entry, config, vars = {}, readyPath = '/' }) {
  const { build } = await import('esbuild')
  const { builtinModules } = await import('node:module')
  const { readFileSync, writeFileSync } = await import('node:fs')
  const { resolve } = await import('node:path')
  const { fileURLToPath } = await import('node:url')
  const dir = mkdtempSync(join(tmpdir(), 'nimbus-test-worker-'))
  await build({
    entryPoints: [entry],
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
  const parsed = JSON.parse(
    readFileSync(config, 'utf8')
      .split('\n')
      .filter((l) => !l.trim().startsWith('//'))
      .join('\n'),
  )
  parsed.main = './index.js'
  if (parsed.assets) parsed.assets.directory = resolve(fileURLToPath(new URL('../../packages/worker/public', import.meta.url)))
  parsed.vars = { ...parsed.vars, ...vars }
  writeFileSync(join(dir, 'wrangler.json'), JSON.stringify(parsed))
  const dev = await startWranglerDev({ config: join(dir, 'wrangler.json'), args: ['--no-bundle'], readyPath })
  return {
    ...dev,
    async stop() {
      await dev.stop()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}
