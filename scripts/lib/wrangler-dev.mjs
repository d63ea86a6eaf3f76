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
