/**
 * Test Worker: a Durable Object holding a sandbox filesystem and a shell with the runtime
 * host attached, driven over HTTP by the Node tests (`POST /<box>/exec`, `PUT /<box>/file`,
 * `GET /<box>/port/<n>/...` for program servers).
 */
import { DurableObject } from 'cloudflare:workers'
import { Shell } from '../../../packages/worker/src/shell/index.js'
import { attachRuntimeHost, runtimeHostFromEnv, type PortRegistry, type RuntimeEnv } from '../../../packages/worker/src/runtimes/node/host.js'
import { doSqlStore } from '../../../packages/worker/src/vfs/sql.js'
import { SqliteVfs } from '../../../packages/worker/src/vfs/sqlite-vfs.js'
import { HOME, seedSandbox } from '../../../packages/worker/src/vfs/seed.js'

interface Env extends RuntimeEnv {
  BOX: DurableObjectNamespace<RuntimeTestBox>
}

export class RuntimeTestBox extends DurableObject<Env> {
  readonly fs: SqliteVfs
  readonly ports = new Map<number, { isolateId: string; serve(request: Request): Promise<Response> }>()
  #shell: Shell | undefined

  constructor(ctx: DurableObjectState, env: Env) {
    super(ctx, env)
    this.fs = new SqliteVfs(doSqlStore(ctx.storage))
    seedSandbox(this.fs)
    const ports: PortRegistry = {
      register: (port, target) => void this.ports.set(port, target),
      unregister: (port, isolateId) => {
        if (this.ports.get(port)?.isolateId === isolateId) this.ports.delete(port)
      },
    }
    const host = runtimeHostFromEnv(env, { ports })
    if (host) attachRuntimeHost(this.fs, host)
  }

  override async fetch(request: Request): Promise<Response> {
    const url = new URL(request.url)
    const [, , action, ...rest] = url.pathname.split('/')
    if (action === 'exec') {
      const { command, cwd, stdin, timeoutMs } = (await request.json()) as { command: string; cwd?: string; stdin?: string; timeoutMs?: number }
      this.#shell ??= new Shell({ fs: this.fs, cwd: HOME, fetch: (input, init) => fetch(input, init) })
      const result = await this.#shell.exec(command, { cwd: cwd ?? HOME, ...(stdin !== undefined ? { stdin } : {}), ...(timeoutMs ? { timeoutMs } : {}) })
      return Response.json(result)
    }
    if (action === 'file' && request.method === 'PUT') {
      const path = url.searchParams.get('path') as string
      this.fs.mkdir(path.slice(0, path.lastIndexOf('/')) || '/', { recursive: true })
      this.fs.writeFile(path, new Uint8Array(await request.arrayBuffer()))
      return new Response(null, { status: 204 })
    }
    if (action === 'file' && request.method === 'GET') {
      const path = url.searchParams.get('path') as string
      return this.fs.exists(path) ? new Response(this.fs.readFile(path)) : new Response('missing', { status: 404 })
    }
    if (action === 'port') {
      const port = Number(rest[0])
      const target = this.ports.get(port)
      if (!target) return new Response(`nothing listens on port ${port}`, { status: 502 })
      const inner = new URL(request.url)
      inner.pathname = `/${rest.slice(1).join('/')}`
      return target.serve(new Request(inner, request))
    }
    return new Response('not found', { status: 404 })
  }
}

export default {
  async fetch(request: Request, env: Env): Promise<Response> {
    const url = new URL(request.url)
    if (url.pathname === '/healthz') return new Response('ok')
    const box = url.pathname.split('/')[1] ?? 'default'
    return env.BOX.get(env.BOX.idFromName(box)).fetch(request)
  },
}
