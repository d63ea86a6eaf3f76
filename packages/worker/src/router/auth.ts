/**
 * The router's auth middleware: picks the auth mode, finds the token on a request, verifies
 * it for the route's scope and session, and names the tenant whose Durable Objects the
 * request may reach. Also moves a `?nimbus_token=` from a session URL into a cookie.
 *
 * Modes (spec 000): `auto` verifies when `JWT_SECRET` is set and `NIMBUS_LEGACY_PUBLIC`
 * is not; `enforce` always verifies and fails closed without a secret; `legacy` never
 * verifies and puts everyone in the single `legacy:public:_` tenant.
 */
import { TOKEN_QUERY_PARAM } from '../auth/session-url.js'
import { ID_COMPONENT_RE, type NimbusTokenClaims } from '../auth/claims.js'
import { NimbusSessionPinError, NimbusTokenMalformedError } from '../auth/errors.js'
import { signingSecret } from '../auth/secret.js'
import { verifyNimbusToken } from '../auth/token.js'

export type AuthMode = 'auto' | 'enforce' | 'legacy'

export interface AuthOptions {
  mode?: AuthMode
  /** In `auto` mode, `true` forces legacy-public like `NIMBUS_LEGACY_PUBLIC=1`. */
  legacyPublic?: boolean
}

export interface AuthEnv {
  JWT_SECRET?: string
  JWT_SECRET_PREVIOUS?: string
  NIMBUS_LEGACY_PUBLIC?: string
}

export type TokenSource = 'bearer' | 'query' | 'cookie'

export interface AuthContext {
  kind: 'token' | 'legacy'
  claims?: NimbusTokenClaims
  /** DO tenant segment: `${tn}:${sub || '_'}` from the token, or 'legacy:public:_' */
  tenantSegment: string
  /** Where the verified token came from (token mode only). */
  source?: TokenSource
}

/** The one tenant of legacy-public mode. */
export const LEGACY_TENANT_SEGMENT = 'legacy:public:_'

/** Cookie that carries a session's token, scoped by `Path=/s/<id>/`. */
export const SESSION_COOKIE_NAME = 'nimbus_token'

/** `NIMBUS_LEGACY_PUBLIC` counts as set unless empty or an explicit no (`0`, `false`, `no`, `off`). */
export function legacyPublicSet(value: string | undefined): boolean {
  if (value === undefined) return false
  return !['', '0', 'false', 'no', 'off'].includes(value.trim().toLowerCase())
}

/** Decides the effective mode for this request (auto → token when JWT_SECRET set and NIMBUS_LEGACY_PUBLIC unset). */
export function effectiveAuthMode(env: AuthEnv, opts?: AuthOptions): 'token' | 'legacy' {
  const mode = opts?.mode ?? 'auto'
  if (mode === 'legacy') return 'legacy'
  if (mode === 'enforce') return 'token'
  const hasSecret = typeof env.JWT_SECRET === 'string' && env.JWT_SECRET !== ''
  return hasSecret && opts?.legacyPublic !== true && !legacyPublicSet(env.NIMBUS_LEGACY_PUBLIC) ? 'token' : 'legacy'
}

/** Value of cookie `name` from a Cookie header; the first one wins (browsers send the most specific path first). */
export function readCookie(header: string | null, name: string): string | undefined {
  if (header === null) return undefined
  for (const part of header.split(';')) {
    const eq = part.indexOf('=')
    if (eq !== -1 && part.slice(0, eq).trim() === name) return part.slice(eq + 1).trim()
  }
  return undefined
}

const sessionPath = (sessionId: string): string => `/s/${sessionId}/`

/**
 * The token a request presents and where it came from. An `Authorization: Bearer` header
 * wins; then a `?nimbus_token=` (the link being opened is newer than any cookie); then the
 * session cookie, read only on that session's own paths.
 */
export function findToken(request: Request, sessionId?: string): { token: string; source: TokenSource } | undefined {
  const authz = request.headers.get('authorization')
  if (authz !== null) {
    const m = /^Bearer[ \t]+(\S*)[ \t]*$/i.exec(authz)
    if (m) {
      if (!m[1]) throw new NimbusTokenMalformedError('Authorization: Bearer carries no token')
      return { token: m[1], source: 'bearer' }
    }
  }
  const url = new URL(request.url)
  const fromQuery = url.searchParams.get(TOKEN_QUERY_PARAM)
  if (fromQuery !== null) return { token: fromQuery, source: 'query' }
  if (sessionId !== undefined && url.pathname.startsWith(sessionPath(sessionId))) {
    const fromCookie = readCookie(request.headers.get('cookie'), SESSION_COOKIE_NAME)
    if (fromCookie) return { token: fromCookie, source: 'cookie' }
  }
  return undefined
}

/**
 * Authenticates a request for a route that needs `need.scope` (and, for session routes,
 * `need.sessionId`). The token comes from `Authorization: Bearer`, else `?nimbus_token=`,
 * else the session cookie on that session's own paths (see `findToken`). Verifies the
 * scope and the session pin (a pinned token is refused on routes that name no session);
 * throws NimbusAuthError subclasses. Legacy mode never looks at tokens.
 */
export async function authenticate(
  request: Request,
  env: AuthEnv,
  opts: AuthOptions | undefined,
  need: { sessionId?: string; scope?: string },
): Promise<AuthContext> {
  if (effectiveAuthMode(env, opts) === 'legacy') return { kind: 'legacy', tenantSegment: LEGACY_TENANT_SEGMENT }
  // Fail closed on a missing or malformed secret before looking at the request.
  signingSecret(env)
  const found = findToken(request, need.sessionId)
  if (found === undefined) {
    throw new NimbusTokenMalformedError('no token: send Authorization: Bearer <token>, or open the session URL with ?nimbus_token=')
  }
  const { claims, doInstanceName } = await verifyNimbusToken(env, found.token, {
    ...(need.scope !== undefined && { requiredScope: need.scope }),
    ...(need.sessionId !== undefined && { sessionId: need.sessionId }),
  })
  // A pinned token is for its one session: routes that name no session (such as /new) refuse it.
  if (claims.sid !== undefined && need.sessionId === undefined) {
    throw new NimbusSessionPinError('token is pinned to one session and cannot be used on this route')
  }
  return { kind: 'token', claims, tenantSegment: doInstanceName, source: found.source }
}

const COOKIE_SAFE_RE = /^[A-Za-z0-9._-]+$/

/** Seconds until the token's `exp`, read without verifying (the caller verified it). */
function secondsLeft(token: string, nowMs: number): number | undefined {
  try {
    const payload = token.split('.')[1] ?? ''
    const json = atob(payload.replace(/-/g, '+').replace(/_/g, '/'))
    const exp: unknown = (JSON.parse(json) as { exp?: unknown }).exp
    return typeof exp === 'number' && Number.isFinite(exp) ? Math.max(0, Math.floor(exp - nowMs / 1000)) : undefined
  } catch {
    return undefined
  }
}

/** For GET /s/<id>/?nimbus_token=…: after the token verified, a 302 to the same URL without the param, with Set-Cookie (HttpOnly, SameSite=Strict, Path=/s/<id>/, Secure when https). Returns null when there is no nimbus_token param. */
export function tokenCookieRedirect(request: Request, sessionId: string, token: string, nowMs = Date.now()): Response | null {
  const url = new URL(request.url)
  if (!url.searchParams.has(TOKEN_QUERY_PARAM)) return null
  if (!ID_COMPONENT_RE.test(sessionId)) throw new TypeError('session id must match [A-Za-z0-9._-]{1,128}')
  // Only a compact JWS may go into a header; anything else never verified anyway.
  if (!COOKIE_SAFE_RE.test(token)) throw new NimbusTokenMalformedError('token is not a compact JWS')
  url.searchParams.delete(TOKEN_QUERY_PARAM)
  const attrs = [`${SESSION_COOKIE_NAME}=${token}`, `Path=${sessionPath(sessionId)}`, 'HttpOnly', 'SameSite=Strict']
  if (url.protocol === 'https:') attrs.push('Secure')
  const maxAge = secondsLeft(token, nowMs)
  if (maxAge !== undefined) attrs.push(`Max-Age=${maxAge}`)
  return new Response(null, {
    status: 302,
    headers: {
      location: url.toString(),
      'set-cookie': attrs.join('; '),
      'cache-control': 'no-store',
      'referrer-policy': 'no-referrer',
    },
  })
}
