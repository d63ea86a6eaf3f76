/**
 * Starts the hosted demo the way a person does, `npm start -- --port N`, on a free loopback
 * port with its own persistence folder, and stops it with its whole process group (npm,
 * wrangler and workerd) so a run never leaves a server behind. Shared by the browser e2e tests
 * and the terminal benchmark, hence plain ESM with a `.d.mts` beside it.
 */
import { spawn } from 'node:child_process'
import { existsSync, rmSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

export const REPO_ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..', '..')

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.unref()
    srv.on('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      srv.close(() => (addr && typeof addr === 'object' ? resolve(addr.port) : reject(new Error('no port'))))
    })
  })
}

/** Fails early, with the fix, when the browser assets were never built. */
export function assertAssetsBuilt() {
  // The build writes the terminal page last, after its bundles.
  const page = join(REPO_ROOT, 'packages', 'worker', 'public', 's', 'index.html')
  if (!existsSync(page)) {
    throw new Error(`terminal page missing at ${page}: run \`npm run build\` first`)
  }
}

/**
 * @param {{ port?: number, persistDir?: string, args?: string[], timeoutMs?: number }} [opts]
 */
export async function startDevServer(opts = {}) {
  assertAssetsBuilt()
  const port = opts.port ?? (await freePort())
  const ownDir = opts.persistDir === undefined
  const persistDir = opts.persistDir ?? (await mkdtemp(join(tmpdir(), 'nimbus-e2e-')))
  // An OS-chosen inspector port, so two dev servers starting at once cannot both claim 9229.
  const args = ['start', '--', '--port', String(port), '--persist-to', persistDir, '--inspector-port', '0', ...(opts.args ?? [])]
  const child = spawn('npm', args, {
    cwd: REPO_ROOT,
    // Its own process group, so stop() can end npm, wrangler and workerd together.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, CI: 'true', NO_COLOR: '1', FORCE_COLOR: '0', WRANGLER_SEND_METRICS: 'false' },
  })
  let output = ''
  const keep = (chunk) => {
    output = (output + chunk.toString()).slice(-20_000)
  }
  child.stdout.on('data', keep)
  child.stderr.on('data', keep)
  /** @type {Promise<void>} */
  const exited = new Promise((resolve) => child.once('exit', () => resolve()))
  let running = true
  exited.then(() => (running = false))
  // Should the test process end without calling stop(), take the server down with it.
  const onExit = () => {
    if (child.pid !== undefined) signalGroup(child.pid, 'SIGKILL')
    if (ownDir) rmSync(persistDir, { recursive: true, force: true })
  }
  process.once('exit', onExit)

  const url = `http://127.0.0.1:${port}`
  const stop = async () => {
    process.removeListener('exit', onExit)
    if (running && child.pid !== undefined) {
      signalGroup(child.pid, 'SIGTERM')
      const late = await Promise.race([exited.then(() => false), sleep(8000).then(() => true)])
      if (late) {
        signalGroup(child.pid, 'SIGKILL')
        await exited
      }
    }
    // workerd may outlive npm briefly; the group kill above reaches it, this makes sure.
    if (child.pid !== undefined) signalGroup(child.pid, 'SIGKILL')
    if (ownDir) await rm(persistDir, { recursive: true, force: true })
  }

  const deadline = Date.now() + (opts.timeoutMs ?? 120_000)
  try {
    for (;;) {
      if (!running) throw new Error(`\`npm ${args.join(' ')}\` exited before serving ${url}`)
      if (await answers(url)) break
      if (Date.now() > deadline) throw new Error(`\`npm ${args.join(' ')}\` did not serve ${url} in time`)
      await sleep(200)
    }
  } catch (err) {
    await stop()
    throw new Error(`${err instanceof Error ? err.message : String(err)}\n--- server output ---\n${output}`)
  }
  return { url, port, persistDir, stop, output: () => output }
}

async function answers(url) {
  try {
    const res = await fetch(`${url}/`, { signal: AbortSignal.timeout(2000) })
    await res.arrayBuffer()
    return res.status === 200
  } catch {
    return false
  }
}

function signalGroup(pid, signal) {
  try {
    process.kill(-pid, signal)
  } catch {
    // The group is already gone.
  }
}

function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms))
}
