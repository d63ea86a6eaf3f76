/**
 * The `nimbus init` scaffold, for real: type-check it with tsc, start it under `wrangler dev`,
 * then drive it with tokens and links from the CLI. The scaffold's @nimbus-sh/* dependencies
 * are pointed at this workspace with file: links, and node_modules is linked rather than
 * installed, so the test needs no registry.
 */
import { randomBytes } from 'node:crypto'
import { request as httpRequest } from 'node:http'
import { spawn, execFile, type ChildProcess } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REPO_ROOT, ensureWorkspaceBuilt, runCli } from './helpers/cli.js'

let base: string
let app: string
let wrangler: ChildProcess | undefined
let origin: string
let logs = ''

const LINKED: Array<[string, string]> = [
  ['@nimbus-sh/worker', join(REPO_ROOT, 'packages/worker')],
  ['@nimbus-sh/sdk', join(REPO_ROOT, 'packages/sdk')],
  ['@nimbus-sh/config', join(REPO_ROOT, 'packages/config')],
  ['@nimbus-sh/cli', join(REPO_ROOT, 'packages/cli')],
  ['wrangler', join(REPO_ROOT, 'node_modules/wrangler')],
  ['typescript', join(REPO_ROOT, 'node_modules/typescript')],
  ['@cloudflare/workers-types', join(REPO_ROOT, 'node_modules/@cloudflare/workers-types')],
]

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer()
    srv.once('error', reject)
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address()
      const port = typeof addr === 'object' && addr ? addr.port : 0
      srv.close(() => resolve(port))
    })
  })
}

/**
 * fetch, retried once when the dev server drops a kept-alive connection (it closes idle
 * sockets, and restarts the Worker when a dependency's build output changes).
 */
async function get(path: string, init: RequestInit = {}): Promise<Response> {
  const url = path.startsWith('http') ? path : `${origin}${path}`
  try {
    return await fetch(url, init)
  } catch (err) {
    await new Promise((r) => setTimeout(r, 1000))
    try {
      return await fetch(url, init)
    } catch {
      throw new Error(`GET ${url} failed (${String(err)}); wrangler output:\n${logs.slice(-4000)}`)
    }
  }
}

function run(file: string, args: string[], cwd: string): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(process.execPath, [file, ...args], { cwd, timeout: 120_000 }, (err, stdout, stderr) => {
      resolve({ code: err ? (typeof err.code === 'number' ? err.code : 1) : 0, output: stdout + stderr })
    })
  })
}

beforeAll(async () => {
  ensureWorkspaceBuilt()
  base = await mkdtemp(join(tmpdir(), 'nimbus-scaffold-'))
  const init = await runCli(['init', 'app', '--name', 'scaffold-test'], { cwd: base })
  expect(init.code, init.stderr).toBe(0)
  app = join(base, 'app')
  const pkgPath = join(app, 'package.json')
  const pkg = JSON.parse(await readFile(pkgPath, 'utf8')) as { dependencies: Record<string, string>; devDependencies: Record<string, string> }
  for (const [name, path] of LINKED) {
    if (name.startsWith('@nimbus-sh/')) {
      const section = name in pkg.dependencies ? pkg.dependencies : pkg.devDependencies
      section[name] = `file:${path}`
    }
    const target = join(app, 'node_modules', name)
    await mkdir(dirname(target), { recursive: true })
    await symlink(path, target, 'dir')
  }
  await writeFile(pkgPath, JSON.stringify(pkg, null, 2))
}, 180_000)

afterAll(async () => {
  if (wrangler?.pid && wrangler.exitCode === null) {
    wrangler.kill('SIGTERM')
    await new Promise((r) => setTimeout(r, 1000))
    if (wrangler.exitCode === null) wrangler.kill('SIGKILL')
  }
  if (base) await rm(base, { recursive: true, force: true })
})

describe('nimbus init scaffold', () => {
  it('type-checks with tsc', async () => {
    const tsc = await run(join(REPO_ROOT, 'node_modules/typescript/bin/tsc'), ['-p', 'tsconfig.json'], app)
    expect(tsc.output).toBe('')
    expect(tsc.code).toBe(0)
  }, 120_000)

  it('starts under wrangler dev and serves sessions with CLI-minted tokens', async () => {
    expect(existsSync(join(REPO_ROOT, 'packages/worker/public/index.html'))).toBe(true)
    const port = await freePort()
    origin = `http://127.0.0.1:${port}`
    wrangler = spawn(process.execPath, [join(REPO_ROOT, 'node_modules/wrangler/bin/wrangler.js'), 'dev', '--ip', '127.0.0.1', '--port', String(port)], {
      cwd: app,
      env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CI: '1', NO_COLOR: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    wrangler.stdout?.on('data', (d: Buffer) => (logs += d.toString()))
    wrangler.stderr?.on('data', (d: Buffer) => (logs += d.toString()))
    const deadline = Date.now() + 90_000
    while (!/Ready on http/.test(logs)) {
      if (wrangler.exitCode !== null || Date.now() > deadline || /Build failed/.test(logs)) throw new Error(`wrangler dev did not start:\n${logs}`)
      await new Promise((r) => setTimeout(r, 250))
    }

    const landing = await get('/')
    expect(landing.status).toBe(200)
    expect(landing.headers.get('content-type')).toContain('text/html')

    // .dev.vars holds JWT_SECRET, so the deployment enforces tokens.
    const anonymous = await get('/new', { redirect: 'manual' })
    expect(anonymous.status).toBe(401)

    const mint = await runCli(['token', 'mint', '--tenant', 'e2e', '--scopes', 'session:create'], { cwd: app })
    expect(mint.code, mint.stderr).toBe(0)
    const created = await get('/new', { redirect: 'manual', headers: { authorization: `Bearer ${mint.stdout.trim()}` } })
    expect(created.status).toBe(302)
    expect(created.headers.get('location')).toMatch(new RegExp(`^${origin}/s/[A-Za-z0-9._-]+/$`))

    const link = await runCli(['session', 'new', '--endpoint', origin, '--tenant', 'e2e', '--json'], { cwd: app })
    expect(link.code, link.stderr).toBe(0)
    const { url, id } = JSON.parse(link.stdout) as { url: string; id: string }
    const open = await get(url, { redirect: 'manual' })
    expect(open.status).toBeGreaterThanOrEqual(300)
    expect(open.status).toBeLessThan(400)
    const cookie = open.headers.get('set-cookie')?.split(';')[0]
    expect(cookie).toMatch(/^nimbus_token=/)
    const page = await get(`/s/${id}/`, { headers: { cookie: cookie ?? '' } })
    expect(page.status).toBe(200)
    expect(page.headers.get('content-type')).toContain('text/html')

    // The page is a plain shell; its socket is what the token guards. The link's token is
    // pinned to its own session, so another session's socket is refused.
    const own = await upgrade(`${origin}/s/${id}/ws`, cookie ?? '')
    expect(own.status).toBe(101)
    const wrongSession = await upgrade(`${origin}/s/other-session/ws`, cookie ?? '')
    expect(wrongSession.status).toBe(403)
    expect(JSON.parse(wrongSession.body)).toMatchObject({ ok: false, code: 'E_SESSION_PIN_MISMATCH' })
  }, 150_000)
})

/** A raw WebSocket upgrade request (fetch cannot send one), answering the status and body. */
function upgrade(url: string, cookie: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(url, {
      headers: {
        connection: 'Upgrade',
        upgrade: 'websocket',
        'sec-websocket-version': '13',
        'sec-websocket-key': randomBytes(16).toString('base64'),
        cookie,
      },
    })
    req.on('upgrade', (res, socket) => {
      socket.destroy()
      resolve({ status: res.statusCode ?? 0, body: '' })
    })
    req.on('response', (res) => {
      let body = ''
      res.setEncoding('utf8')
      res.on('data', (d: string) => (body += d))
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }))
    })
    req.on('error', reject)
    req.end()
  })
}
