/**
 * Links that open a session in the browser with a token: `<endpoint>/s/<id>/?nimbus_token=…`.
 * The router moves the token from the URL into a cookie scoped to that session on the
 * first request, so it does not linger in the address bar or history.
 */
import { ID_COMPONENT_RE, type NimbusTokenInput } from './claims.js'
import { NimbusSessionPinError } from './errors.js'
import type { NimbusAuthEnv } from './secret.js'
import { issueNimbusToken } from './token.js'

/** Query parameter carrying a token on a session URL. */
export const TOKEN_QUERY_PARAM = 'nimbus_token'

/**
 * The attach URL of session `id` under `endpoint` (an origin, optionally with a base path).
 * Throws `TypeError` for an invalid endpoint or a session id outside `[A-Za-z0-9._-]{1,128}`.
 */
export function sessionAttachUrl(endpoint: string, id: string, token: string): string {
  if (typeof id !== 'string' || !ID_COMPONENT_RE.test(id)) {
    throw new TypeError('session id must match [A-Za-z0-9._-]{1,128}')
  }
  if (typeof token !== 'string' || token.length === 0) throw new TypeError('token must be a non-empty string')
  const url = new URL(endpoint)
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError('endpoint must be an http(s) URL')
  const base = url.pathname.endsWith('/') ? url.pathname : `${url.pathname}/`
  url.pathname = `${base}s/${id}/`
  url.search = ''
  url.hash = ''
  url.searchParams.set(TOKEN_QUERY_PARAM, token)
  return url.toString()
}

export interface MintAndAttachOptions {
  endpoint: string
  sessionId: string
  /** Token lifetime; default 1 hour. */
  ttlMs?: number
  /** Current time in epoch milliseconds; defaults to `Date.now()`. */
  now?: number
}

/**
 * Mints a token for `claims` pinned to `sessionId` (a link to one session should not work
 * for any other) and returns it with the attach URL.
 */
export async function mintAndAttach(
  env: NimbusAuthEnv,
  claims: NimbusTokenInput,
  opts: MintAndAttachOptions,
): Promise<{ token: string; url: string }> {
  const { endpoint, sessionId } = opts
  if (typeof sessionId !== 'string' || !ID_COMPONENT_RE.test(sessionId)) {
    throw new TypeError('session id must match [A-Za-z0-9._-]{1,128}')
  }
  if (claims.sid !== undefined && claims.sid !== sessionId) {
    throw new NimbusSessionPinError('claims.sid names another session than opts.sessionId')
  }
  // Fail on a bad endpoint before signing anything.
  sessionAttachUrl(endpoint, sessionId, 'x')
  const token = await issueNimbusToken(env, { ...claims, sid: sessionId }, {
    ...(opts.ttlMs !== undefined && { ttlMs: opts.ttlMs }),
    ...(opts.now !== undefined && { now: opts.now }),
  })
  return { token, url: sessionAttachUrl(endpoint, sessionId, token) }
}
