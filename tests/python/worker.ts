/**
 * The Worker the Python tests run under `wrangler dev`: the real Nimbus handler and
 * Durable Object, plus one test-only route that runs a command line in a sandbox through
 * the Durable Object's `exec` RPC and a route that empties the runtime cache bucket.
 */
import { createNimbusHandler } from '../../packages/worker/src/router/handler.js'
import type { NimbusEnv } from '../../packages/worker/src/session/env.js'

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
    if (url.pathname === '/__test/cache' && env.NIMBUS_RUNTIME_CACHE) {
      const key = url.searchParams.get('key') ?? ''
      if (request.method === 'PUT') await env.NIMBUS_RUNTIME_CACHE.put(key, await request.arrayBuffer())
      else if (request.method === 'DELETE') await env.NIMBUS_RUNTIME_CACHE.delete(key)
      return new Response('ok')
    }
    return nimbus.fetch(request, env, ctx)
  },
}
