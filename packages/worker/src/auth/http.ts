/**
 * The single place an auth failure becomes HTTP: `{ ok: false, error, code }` with the
 * error's status. Kept apart from the error classes so they stay plain data.
 */
import type { NimbusAuthCode, NimbusAuthError } from './errors.js'

export interface NimbusAuthErrorBody {
  ok: false
  error: string
  code: NimbusAuthCode
}

export interface NimbusAuthErrorJson {
  status: number
  body: NimbusAuthErrorBody
}

export function authErrorJson(err: NimbusAuthError): NimbusAuthErrorJson {
  return { status: err.httpStatus, body: { ok: false, error: err.message, code: err.code } }
}

/**
 * A JSON `Response` for the error. 401s carry `WWW-Authenticate: Bearer` so HTTP clients
 * know a bearer token is expected; nothing is cacheable.
 */
export function authErrorResponse(err: NimbusAuthError): Response {
  const { status, body } = authErrorJson(err)
  const headers = new Headers({ 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' })
  if (status === 401) headers.set('www-authenticate', 'Bearer realm="nimbus"')
  return new Response(JSON.stringify(body), { status, headers })
}
