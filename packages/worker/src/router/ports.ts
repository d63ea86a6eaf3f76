/**
 * Preview ports: `/s/<id>/port/<n>/…` (HTTP and WebSocket) reaches whatever listens on port
 * n inside that sandbox. Attaching to a session's port needs the same `session:attach`
 * scope as its terminal; the session cookie works here too, since it is scoped to /s/<id>/.
 */
import { authenticate } from './auth.js'
import { SCOPE_ATTACH, sessionIdOf, sessionStub, type RequestContext } from './handlers.js'
import { HttpError } from './http-error.js'
import type { Params } from './route.js'

function portOf(params: Params): number {
  const port = Number(params.port)
  if (!/^\d{1,5}$/.test(params.port ?? '') || port < 1 || port > 65535) {
    throw new HttpError(400, 'E_INVALID_PORT', 'Ports are integers from 1 to 65535')
  }
  return port
}

export async function portRequest({ request, env, options }: RequestContext, params: Params): Promise<Response> {
  const sessionId = sessionIdOf(params)
  portOf(params)
  const auth = await authenticate(request, env, options.auth, { sessionId, scope: SCOPE_ATTACH })
  return sessionStub(env, auth, sessionId).fetch(request)
}

export function portTrailingSlash({ url }: RequestContext, params: Params): Response {
  sessionIdOf(params)
  portOf(params)
  const target = new URL(url)
  target.pathname = `${url.pathname}/`
  return Response.redirect(target.toString(), 308)
}
