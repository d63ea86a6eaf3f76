/**
 * A real git smart-HTTP server for tests and benchmarks: a small Node HTTP server on
 * 127.0.0.1 (random port) that runs the host's `git http-backend` as a CGI program for
 * every request, with push enabled. Fixture repositories are made with the host `git`.
 *
 * Paths:
 *   /<repo>            anonymous read and write
 *   /private/<repo>    requires Basic auth `user:<password>` (see `password`)
 *   /drop/<repo>       serves refs, then cuts the connection halfway through the pack
 */
import { spawn, execFileSync } from 'node:child_process'
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs'
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'

export interface GitServer {
  /** `http://127.0.0.1:<port>` */
  url: string
  /** Folder holding the served repositories (`<root>/<name>.git`). */
  root: string
  /** The password /private/ accepts (any user name). */
  password: string
  close(): Promise<void>
}

const FIXED_ENV = {
  GIT_AUTHOR_NAME: 'Fixture Author',
  GIT_AUTHOR_EMAIL: 'fixture@example.com',
  GIT_COMMITTER_NAME: 'Fixture Author',
  GIT_COMMITTER_EMAIL: 'fixture@example.com',
  GIT_CONFIG_NOSYSTEM: '1',
  GIT_CONFIG_GLOBAL: '/dev/null',
}

/** Runs the host `git` with a fixed identity and no user config; returns stdout. */
export function hostGit(cwd: string, ...args: string[]): string {
  return execFileSync('git', args, { cwd, env: { ...process.env, ...FIXED_ENV }, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] })
}

/**
 * Creates `<root>/<name>.git` (bare) from a scratch worktree that `build` fills with
 * files and commits via `hostGit`. Returns the bare repository's path.
 */
export function makeBareRepo(root: string, name: string, build: (worktree: string) => void): string {
  const work = mkdtempSync(join(tmpdir(), 'nimbus-git-work-'))
  try {
    hostGit(work, 'init', '-q', '-b', 'main')
    build(work)
    const bare = join(root, `${name}.git`)
    hostGit(root, 'clone', '-q', '--bare', work, bare)
    return bare
  } finally {
    rmSync(work, { recursive: true, force: true })
  }
}

/** Writes `files` (path → content) under `dir`, creating folders. */
export function writeFiles(dir: string, files: Record<string, string>): void {
  for (const [p, content] of Object.entries(files)) {
    const full = join(dir, p)
    mkdirSync(dirname(full), { recursive: true })
    writeFileSync(full, content)
  }
}

const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const parts: Buffer[] = []
    req.on('data', (c: Buffer) => parts.push(c))
    req.on('end', () => resolve(Buffer.concat(parts)))
    req.on('error', reject)
  })

function runBackend(root: string, pathInfo: string, req: IncomingMessage, body: Buffer, res: ServerResponse, drop: boolean): void {
  const url = new URL(req.url ?? '/', 'http://127.0.0.1')
  const child = spawn('git', ['http-backend'], {
    env: {
      PATH: process.env.PATH ?? '/usr/bin:/bin',
      GIT_PROJECT_ROOT: root,
      GIT_HTTP_EXPORT_ALL: '1',
      GIT_CONFIG_NOSYSTEM: '1',
      GIT_CONFIG_GLOBAL: '/dev/null',
      GIT_CONFIG_COUNT: '1',
      GIT_CONFIG_KEY_0: 'http.receivepack',
      GIT_CONFIG_VALUE_0: 'true',
      REQUEST_METHOD: req.method ?? 'GET',
      PATH_INFO: pathInfo,
      QUERY_STRING: url.search.replace(/^\?/, ''),
      CONTENT_TYPE: req.headers['content-type'] ?? '',
      CONTENT_LENGTH: String(body.length),
      REMOTE_ADDR: '127.0.0.1',
      REMOTE_USER: 'tester',
      ...(req.headers['content-encoding'] ? { HTTP_CONTENT_ENCODING: String(req.headers['content-encoding']) } : {}),
      ...(req.headers['git-protocol'] ? { GIT_PROTOCOL: String(req.headers['git-protocol']) } : {}),
    },
  })
  // The backend may exit before reading everything (errors, a dropped connection).
  child.stdin.on('error', () => undefined)
  child.stdin.end(body)
  let head = Buffer.alloc(0)
  let headersDone = false
  let sent = 0
  child.stdout.on('data', (chunk: Buffer) => {
    if (headersDone) {
      if (drop && req.method === 'POST') {
        // Send a little of the pack, then cut the connection.
        if (sent > 200) {
          res.socket?.destroy()
          child.kill()
          return
        }
        sent += chunk.length
        res.write(chunk.subarray(0, Math.min(chunk.length, 300)))
        return
      }
      res.write(chunk)
      return
    }
    head = Buffer.concat([head, chunk])
    let end = head.indexOf('\r\n\r\n')
    let sep = 4
    if (end === -1) {
      end = head.indexOf('\n\n')
      sep = 2
    }
    if (end === -1) return
    headersDone = true
    let status = 200
    for (const line of head.subarray(0, end).toString('latin1').split(/\r?\n/)) {
      const colon = line.indexOf(':')
      if (colon === -1) continue
      const key = line.slice(0, colon).trim()
      const value = line.slice(colon + 1).trim()
      if (key.toLowerCase() === 'status') status = Number.parseInt(value, 10)
      else res.setHeader(key, value)
    }
    res.statusCode = status
    const rest = head.subarray(end + sep)
    if (rest.length) {
      if (drop && req.method === 'POST') {
        sent += rest.length
        res.write(rest.subarray(0, 300))
      } else res.write(rest)
    }
  })
  child.stdout.on('end', () => {
    if (!headersDone) res.statusCode = 500
    res.end()
  })
  child.on('error', () => {
    res.statusCode = 500
    res.end()
  })
}

/** Starts the server over a fresh temporary root. */
export async function startGitServer(opts: { password?: string } = {}): Promise<GitServer> {
  const root = mkdtempSync(join(tmpdir(), 'nimbus-git-srv-'))
  const password = opts.password ?? 's3cret-pass'
  const server = createServer((req, res) => {
    void (async () => {
      const path = new URL(req.url ?? '/', 'http://127.0.0.1').pathname
      let pathInfo = path
      let drop = false
      if (path.startsWith('/private/')) {
        const auth = req.headers.authorization ?? ''
        const decoded = auth.startsWith('Basic ') ? Buffer.from(auth.slice(6), 'base64').toString('utf8') : ''
        if (decoded.slice(decoded.indexOf(':') + 1) !== password || !decoded.includes(':')) {
          res.writeHead(401, { 'WWW-Authenticate': 'Basic realm="git"', 'Content-Type': 'text/plain' })
          res.end('Unauthorized\n')
          return
        }
        pathInfo = path.slice('/private'.length)
      } else if (path.startsWith('/drop/')) {
        pathInfo = path.slice('/drop'.length)
        drop = true
      }
      const body = await readBody(req)
      runBackend(root, pathInfo, req, body, res, drop)
    })()
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}`,
    root,
    password,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => {
          rmSync(root, { recursive: true, force: true })
          resolve()
        })
      }),
  }
}
