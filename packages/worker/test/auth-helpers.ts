/**
 * Shared pieces of the auth worker tests: a handler per auth mode over the real
 * NIMBUS_SESSION binding, a stand-in ASSETS binding (the built pages are not part of the
 * test Worker), and a terminal client that speaks the WebSocket protocol.
 */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import { createNimbusHandler } from '../src/router/handler.js'
import type { AuthOptions } from '../src/router/auth.js'
import type { NimbusEnv } from '../src/session/env.js'
import type { NimbusHandlerOptions } from '../src/router/options.js'

export const SECRET = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'
export const OTHER_SECRET = 'fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210'
export const ORIGIN = 'https://nimbus.test'

const assets = {
  fetch: async (req: Request) => new Response(`<!doctype html><title>page ${new URL(req.url).pathname}</title>`, { headers: { 'content-type': 'text/html' } }),
  connect: () => {
    throw new Error('not used')
  },
} as unknown as Fetcher

export type Vars = Partial<Pick<NimbusEnv, 'JWT_SECRET' | 'JWT_SECRET_PREVIOUS' | 'NIMBUS_LEGACY_PUBLIC'>>

export const testEnv = (vars: Vars): NimbusEnv => ({ NIMBUS_SESSION: env.NIMBUS_SESSION, ASSETS: assets, ...vars })

/** Sends one request through `createNimbusHandler({ auth, ...extra })`. */
export async function send(
  auth: AuthOptions | undefined,
  vars: Vars,
  path: string,
  init: RequestInit = {},
  extra: Omit<NimbusHandlerOptions, 'auth'> = {},
): Promise<Response> {
  const handler = createNimbusHandler({ ...extra, ...(auth && { auth }) })
  const ctx = createExecutionContext()
  const res = await handler.fetch(new Request(`${ORIGIN}${path}`, { redirect: 'manual', ...init }), testEnv(vars), ctx)
  await waitOnExecutionContext(ctx)
  return res
}

export const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` })
export const upgrade = (headers: Record<string, string> = {}): RequestInit => ({ headers: { upgrade: 'websocket', ...headers } })

export interface Terminal {
  /** Types a line and waits until `until` shows up in the output. */
  run(line: string, until: RegExp): Promise<string>
  close(): void
}

/** Opens `/s/<id>/ws` through the handler and returns a client for the terminal protocol. */
export async function openTerminal(auth: AuthOptions | undefined, vars: Vars, sessionId: string, headers: Record<string, string>): Promise<Terminal> {
  const res = await send(auth, vars, `/s/${sessionId}/ws`, upgrade(headers))
  if (res.status !== 101 || !res.webSocket) throw new Error(`expected 101, got ${res.status}: ${await res.text()}`)
  const ws = res.webSocket
  ws.accept()
  let output = ''
  ws.addEventListener('message', (ev) => {
    const msg = JSON.parse(String(ev.data)) as { t: string; d?: string }
    if ((msg.t === 'o' || msg.t === 'h') && msg.d) output += msg.d
  })
  return {
    async run(line, until) {
      const from = output.length
      ws.send(JSON.stringify({ t: 'i', d: `${line}\r` }))
      const deadline = Date.now() + 15_000
      while (!until.test(output.slice(from))) {
        if (Date.now() > deadline) throw new Error(`timed out waiting for ${until}; output so far: ${JSON.stringify(output.slice(from))}`)
        await new Promise((r) => setTimeout(r, 10))
      }
      return output.slice(from)
    },
    close() {
      ws.close(1000, 'done')
    },
  }
}
