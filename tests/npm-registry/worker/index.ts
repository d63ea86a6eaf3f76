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
import { clearMemoryCaches } from '../../../packages/worker/src/runtimes/npm/registry.js'
import { esbuild } from '../../../packages/worker/src/runtimes/esbuild/service.js'

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
      register: (port, target) => {
        if (this.ports.has(port)) throw new Error(`port ${port} is already in use`)
        this.ports.set(port, target)
      },
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
    if (action === '_clear') {
      clearMemoryCaches()
      if (url.searchParams.get('r2') === '1') {
        for (const bucket of [this.env.NPM_PACKUMENT_CACHE, this.env.NPM_TARBALL_CACHE]) {
          const list = await bucket?.list()
          for (const o of list?.objects ?? []) await bucket?.delete(o.key)
        }
      }
      return new Response(null, { status: 204 })
    }
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
      return this.fs.exists(path) ? new Response(this.fs.readFile(path) as Uint8Array<ArrayBuffer>) : new Response('missing', { status: 404 })
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
    // Bench helpers: forget npm caches (memory, and R2 with ?r2=1); time an esbuild transform.
    if (url.pathname === '/_/clear-npm-cache') {
      return env.BOX.get(env.BOX.idFromName('_')).fetch(new Request(new URL(`/_/_clear?r2=${url.searchParams.get('r2') ?? ''}`, url), request))
    }
    if (url.pathname === '/_/transform') {
      const host = runtimeHostFromEnv(env)
      if (!host) return new Response('no LOADER', { status: 500 })
      const code = await request.text()
      const t0 = performance.now()
      const r = await esbuild(host).transform(code, { loader: 'ts' })
      // Timers only advance across I/O inside workerd, which the RPC to the isolate is.
      return Response.json({ ms: performance.now() - t0, isolateMs: r.ms })
    }
    const box = url.pathname.split('/')[1] ?? 'default'
    return env.BOX.get(env.BOX.idFromName(box)).fetch(request)
  },
}
