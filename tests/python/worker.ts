/**
 * The Worker the Python tests run under `wrangler dev`: the real Nimbus handler and
 * Durable Object, plus one test-only route that runs a command line in a sandbox through
 * the Durable Object's `exec` RPC and a route that empties the runtime cache bucket.
 */
import { createNimbusHandler } from '../../packages/worker/src/router/handler.js'
import type { NimbusEnv } from '../../packages/worker/src/session/env.js'
import { Nimbus } from '../../packages/sdk/src/sandbox/nimbus.js'

export { NimbusSession } from '../../packages/worker/src/session/nimbus-session.js'

const nimbus = createNimbusHandler()

export default {
  async fetch(request: Request, env: NimbusEnv, ctx: ExecutionContext): Promise<Response> {
    const url = new URL(request.url)
    if (url.pathname === '/__test/ready') return new Response('ok')
    if (url.pathname === '/__test/exec' && request.method === 'POST') {
      const body = (await request.json()) as { sandbox: string; command: string; stdin?: string; timeoutMs?: number }
      const stub = env.NIMBUS_SESSION.get(env.NIMBUS_SESSION.idFromName(body.sandbox))
      const result = await stub.exec(body.command, {
        ...(body.stdin !== undefined ? { stdin: body.stdin } : {}),
        ...(body.timeoutMs !== undefined ? { timeoutMs: body.timeoutMs } : {}),
      })
      return Response.json(result)
    }
    if (url.pathname === '/__test/sdk' && request.method === 'POST') {
      const body = (await request.json()) as { sandbox: string; config?: object; call: string; args?: unknown[] }
      const box = Nimbus.fromEnv(env, body.config ?? {}).sandbox(body.sandbox)
      const args = body.args ?? []
      try {
        const result =
          body.call === 'runCode'
            ? await box.runCode(args[0] as string, args[1] as Parameters<typeof box.runCode>[1])
            : body.call === 'ensure'
              ? await box.runtimes.ensure(args[0] as 'python')
              : body.call === 'install'
                ? await box.runtimes.install(args[0] as 'python')
                : body.call === 'available'
                  ? await box.runtimes.available()
                  : body.call === 'installed'
                    ? await box.runtimes.installed()
                    : body.call === 'startProcess'
                      ? await box.startProcess(args[0] as string)
                      : body.call === 'ports.list'
                        ? await box.ports.list()
                        : body.call === 'ports.expose'
                          ? await box.ports.expose(args[0] as number)
                        : await box.exec(args[0] as string)
        return Response.json({ ok: true, result })
      } catch (e) {
        const err = e as { code?: string; message?: string }
        return Response.json({ ok: false, code: err.code, error: err.message })
      }
    }
    if (url.pathname === '/__test/cache' && env.NIMBUS_RUNTIME_CACHE) {
      const key = url.searchParams.get('key') ?? ''
      if (request.method === 'PUT') await env.NIMBUS_RUNTIME_CACHE.put(key, await request.arrayBuffer())
      else if (request.method === 'DELETE') await env.NIMBUS_RUNTIME_CACHE.delete(key)
      return new Response('ok')
    }
    return nimbus.fetch(request, env, ctx)
  },
}
