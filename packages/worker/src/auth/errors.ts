/**
 * The one error tree for tokens and auth configuration. Every failure carries a stable
 * `code` and the HTTP status a server should answer with, so callers branch on `instanceof`
 * or `code`, and one function (see `http.ts`) renders any of them as a response.
 *
 * Messages are written for the person holding the token; they never include the secret,
 * the token itself or library internals.
 */

export type NimbusAuthCode =
  | 'E_AUTH_CONFIG_MISSING'
  | 'E_TOKEN_MALFORMED'
  | 'E_TOKEN_SIGNATURE'
  | 'E_TOKEN_CLAIMS'
  | 'E_TOKEN_EXPIRED'
  | 'E_TOKEN_TTL_TOO_LARGE'
  | 'E_SCOPE_MISSING'
  | 'E_SESSION_PIN_MISMATCH'

/** Base class: `instanceof NimbusAuthError` catches every auth failure. */
export class NimbusAuthError extends Error {
  override readonly name: string = 'NimbusAuthError'
  constructor(
    readonly code: NimbusAuthCode,
    readonly httpStatus: number,
    message: string,
  ) {
    super(message)
  }
}

/** The server cannot verify or sign: `JWT_SECRET` is missing or not 32+ hex characters. */
export class NimbusAuthConfigError extends NimbusAuthError {
  override readonly name = 'NimbusAuthConfigError'
  constructor(message = 'auth is not configured: JWT_SECRET must be set to 32+ hex characters') {
    super('E_AUTH_CONFIG_MISSING', 500, message)
  }
}

/** No token, or not a compact JWS with JSON header and payload. */
export class NimbusTokenMalformedError extends NimbusAuthError {
  override readonly name = 'NimbusTokenMalformedError'
  constructor(message = 'token is malformed') {
    super('E_TOKEN_MALFORMED', 401, message)
  }
}

/** The signature does not verify with any configured secret, or the algorithm is not HS256. */
export class NimbusTokenSignatureError extends NimbusAuthError {
  override readonly name = 'NimbusTokenSignatureError'
  constructor(message = 'token signature is invalid') {
    super('E_TOKEN_SIGNATURE', 401, message)
  }
}

/** A claim is missing, has the wrong type or value, or `scope` is not `'nimbus'`. */
export class NimbusTokenClaimsError extends NimbusAuthError {
  override readonly name = 'NimbusTokenClaimsError'
  constructor(message = 'token claims are invalid') {
    super('E_TOKEN_CLAIMS', 401, message)
  }
}

/** `exp` is in the past (beyond the clock-skew allowance). */
export class NimbusTokenExpiredError extends NimbusAuthError {
  override readonly name = 'NimbusTokenExpiredError'
  constructor(message = 'token has expired') {
    super('E_TOKEN_EXPIRED', 401, message)
  }
}

/** A requested lifetime is above `MAX_TOKEN_TTL_MS`, or not a positive number. */
export class NimbusTokenTtlError extends NimbusAuthError {
  override readonly name = 'NimbusTokenTtlError'
  constructor(message = 'token lifetime is too large') {
    super('E_TOKEN_TTL_TOO_LARGE', 400, message)
  }
}

/** The token is valid but lacks the capability the route needs. */
export class NimbusScopeError extends NimbusAuthError {
  override readonly name = 'NimbusScopeError'
  constructor(
    readonly requiredScope: string,
    message = `token lacks the required scope '${requiredScope}'`,
  ) {
    super('E_SCOPE_MISSING', 403, message)
  }
}

/** The token is pinned (`sid`) to a different session than the one requested. */
export class NimbusSessionPinError extends NimbusAuthError {
  override readonly name = 'NimbusSessionPinError'
  constructor(message = 'token is pinned to a different session') {
    super('E_SESSION_PIN_MISMATCH', 403, message)
  }
}

export const isNimbusAuthError = (e: unknown, code?: NimbusAuthCode): e is NimbusAuthError =>
  e instanceof NimbusAuthError && (code === undefined || e.code === code)
