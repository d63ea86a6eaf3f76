/**
 * The router's own handlers: landing assets, `/new`, the terminal page and socket. Each
 * is small; authentication and error rendering happen around them in handler.ts.
 */
import { NIMBUS_SCOPES } from '../auth/claims.js'
import type { NimbusEnv } from '../session/env.js'
import { ATTACH_HEADERS, SESSION_START_HEADER } from '../session/protocol.js'
import { authenticate, effectiveAuthMode, tokenCookieRedirect, type AuthContext } from './auth.js'
import { HttpError } from './http-error.js'
import type { NimbusHandlerOptions } from './options.js'
import type { Params } from './route.js'
import { configOf, pickProfile } from './sandbox-rpc.js'
import { isValidSessionId, newSessionId } from './session-id.js'

export interface RequestContext {
  request: Request
  url: URL
  env: NimbusEnv
  ctx: ExecutionContext
  options: NimbusHandlerOptions
  /** The handler's number in the hook registry (see hook-registry.ts). */
  handlerId: number
}

const TOKEN_PARAM = 'nimbus_token'

export const SCOPE_CREATE = NIMBUS_SCOPES.sessionCreate
export const SCOPE_ATTACH = NIMBUS_SCOPES.sessionAttach

export function sessionIdOf(params: Params): string {
  const id = params.id ?? ''
  if (!isValidSessionId(id)) {
    throw new HttpError(400, 'E_INVALID_SESSION_ID', 'Session ids are 1–128 characters of A–Z, a–z, 0–9, ".", "_" or "-"')
  }
  return id
}

/** The Durable Object that holds this tenant's sandbox `sessionId`. */
export function sessionStub(env: NimbusEnv, auth: AuthContext, sessionId: string): DurableObjectStub {
  return env.NIMBUS_SESSION.get(env.NIMBUS_SESSION.idFromName(`${auth.tenantSegment}:${sessionId}`))
}

export async function newSession({ request, url, env, options }: RequestContext): Promise<Response> {
  await authenticate(request, env, options.auth, { scope: SCOPE_CREATE })
  const target = new URL(`/s/${newSessionId()}/`, url)
  const token = url.searchParams.get(TOKEN_PARAM)
  if (token) target.searchParams.set(TOKEN_PARAM, token)
  return Response.redirect(target.toString(), 302)
}

export async function terminalPage({ request, url, env, options }: RequestContext, params: Params): Promise<Response> {
  const sessionId = sessionIdOf(params)
  const token = url.searchParams.get(TOKEN_PARAM)
  if (token !== null && effectiveAuthMode(env, options.auth) === 'token') {
    await authenticate(request, env, options.auth, { sessionId, scope: SCOPE_ATTACH })
    const redirect = tokenCookieRedirect(request, sessionId, token)
    if (redirect) return redirect
  }
  // The page itself holds nothing of the session: the socket it opens is what needs the
  // token. Serving it unauthenticated also lets a SameSite=Strict cookie, set by a redirect
  // that began on another site, arrive with the (same-site) socket request instead.
  return servePage(env, url, '/s/')
}

export async function terminalSocket({ request, env, ctx, options, handlerId }: RequestContext, params: Params): Promise<Response> {
  const sessionId = sessionIdOf(params)
  // Authentication first: the terminal page asks this URL over plain HTTP why its socket was
  // refused, and a browser cannot see the status of a refused upgrade itself.
  const auth = await authenticate(request, env, options.auth, { sessionId, scope: SCOPE_ATTACH })
  if (request.headers.get('upgrade')?.toLowerCase() !== 'websocket') {
    throw new HttpError(426, 'E_UPGRADE_REQUIRED', 'The terminal socket needs a WebSocket upgrade')
  }
  const stub = env.NIMBUS_SESSION.get(env.NIMBUS_SESSION.idFromName(`${auth.tenantSegment}:${sessionId}`))
  // The terminal runs under the `default` profile of `sdk.config` (see docs/sdk.md).
  if (options.sdk?.config) await stub.applyShellPolicy(pickProfile(configOf(options), undefined, undefined).runtimes)
  const forwarded = new Request(request)
  forwarded.headers.set(ATTACH_HEADERS.handler, String(handlerId))
  forwarded.headers.set(ATTACH_HEADERS.session, sessionId)
  forwarded.headers.set(ATTACH_HEADERS.tenant, auth.tenantSegment)
  const response = await stub.fetch(forwarded)
  if (response.status !== 101 || !response.headers.has(SESSION_START_HEADER)) return response
  // Once per session start: the session says whether this screen is the first attached.
  const onStart = options.hooks?.onSessionStart
  if (onStart) {
    ctx.waitUntil(Promise.resolve(onStart({ sessionId, tenantSegment: auth.tenantSegment, request })).catch((e: unknown) => console.error('nimbus: onSessionStart failed', e)))
  }
  const headers = new Headers(response.headers)
  headers.delete(SESSION_START_HEADER)
  return new Response(null, { status: 101, webSocket: response.webSocket, headers })
}

export function trailingSlash({ url }: RequestContext, params: Params): Response {
  sessionIdOf(params)
  const target = new URL(url)
  target.pathname = `${url.pathname}/`
  return Response.redirect(target.toString(), 308)
}

/** Serves a page from the ASSETS binding (the landing page, the terminal page). */
export async function servePage(env: NimbusEnv, url: URL, path: string): Promise<Response> {
  if (!env.ASSETS) throw new HttpError(500, 'E_ASSETS_MISSING', 'The ASSETS binding is not configured')
  const res = await env.ASSETS.fetch(new Request(new URL(path, url)))
  const headers = new Headers(res.headers)
  headers.set('cache-control', 'no-store')
  return new Response(res.body, { status: res.status, headers })
}
