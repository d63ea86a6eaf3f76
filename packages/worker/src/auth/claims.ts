/**
 * The token's claim set: its types, the id rule shared with session ids, the known scope
 * names, and the checks a decoded payload must pass before anything trusts it.
 */
import { NimbusTokenClaimsError, NimbusTokenExpiredError } from './errors.js'

/** Tenant, subject and session ids: 1–128 of letters, digits, `.`, `_`, `-`. */
export const ID_COMPONENT_RE = /^[A-Za-z0-9._-]{1,128}$/

/** The value of the `scope` claim; anything else (e.g. another product's `'vfs'`) is refused. */
export const NIMBUS_TOKEN_SCOPE = 'nimbus'

/**
 * Capabilities a token may list in `scopes`. A token without a `scopes` claim is a
 * tenant-wide token and carries all of them; a token with a list (even an empty one)
 * carries exactly what is listed.
 */
export const NIMBUS_SCOPES = {
  /** Create a new session (`GET /new`, creating sandboxes). */
  sessionCreate: 'session:create',
  /** Open an existing session: the terminal page and its WebSocket. */
  sessionAttach: 'session:attach',
  /** Drive a sandbox programmatically: `POST /api/nimbus/v1/sandboxes/<id>/rpc`. */
  sandboxUse: 'sandbox:use',
} as const

export type NimbusKnownScope = (typeof NIMBUS_SCOPES)[keyof typeof NIMBUS_SCOPES]

/**
 * Shape of a scope name: lowercase words joined by `:`, e.g. `session:attach`. Unknown
 * but well-formed names are kept, so an embedder can define its own capabilities.
 */
export const SCOPE_NAME_RE = /^[a-z][a-z0-9_-]{0,31}(:[a-z0-9_*-]{1,32}){0,3}$/

/** More entries than this in `scopes` is refused: a token header is not a database. */
export const MAX_SCOPES = 32

/** Lifetime ceiling for issued and accepted tokens: 24 hours. */
export const MAX_TOKEN_TTL_MS = 24 * 60 * 60 * 1000

/** Lifetime when `issueNimbusToken` gets no `ttlMs`: 1 hour. */
export const DEFAULT_TOKEN_TTL_MS = 60 * 60 * 1000

/**
 * Clocks of the issuer and the verifier may disagree this much: a token is still accepted
 * this many seconds after `exp`, and `iat` may be this far in the future.
 */
export const CLOCK_SKEW_SECONDS = 30
export const CLOCK_SKEW_MS = CLOCK_SKEW_SECONDS * 1000

/** What a caller asks to be put in a token. */
export interface NimbusTokenInput {
  /** Tenant. */
  tn: string
  /** Subject (user, agent) within the tenant. */
  sub?: string
  /** Capabilities; omit for a tenant-wide token. */
  scopes?: string[]
  /** Pin the token to one session id. */
  sid?: string
}

/** The verified claim set. */
export interface NimbusTokenClaims {
  scope: 'nimbus'
  tn: string
  sub?: string
  scopes?: string[]
  sid?: string
  /** Issued at, UNIX seconds. */
  iat: number
  /** Expires at, UNIX seconds. */
  exp: number
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v)

function idClaim(payload: Record<string, unknown>, name: 'tn' | 'sub' | 'sid', required: boolean): string | undefined {
  const v = payload[name]
  if (v === undefined && !required) return undefined
  if (typeof v !== 'string' || !ID_COMPONENT_RE.test(v)) {
    throw new NimbusTokenClaimsError(`claim '${name}' must match [A-Za-z0-9._-]{1,128}`)
  }
  return v
}

/** Checks a requested `scopes` list; shared by issuing and verifying. */
export function checkScopes(v: unknown): string[] | undefined {
  if (v === undefined) return undefined
  if (!Array.isArray(v) || v.length > MAX_SCOPES || !v.every((s) => typeof s === 'string' && SCOPE_NAME_RE.test(s))) {
    throw new NimbusTokenClaimsError(`claim 'scopes' must be a list of at most ${MAX_SCOPES} scope names like 'session:attach'`)
  }
  return [...(v as string[])]
}

/** Checks the identity part of a claim set (tn, sub, sid, scopes); used when issuing. */
export function checkTokenInput(input: unknown): NimbusTokenInput {
  if (!isRecord(input)) throw new NimbusTokenClaimsError('token claims must be an object')
  const tn = idClaim(input, 'tn', true) as string
  const sub = idClaim(input, 'sub', false)
  const sid = idClaim(input, 'sid', false)
  const scopes = checkScopes(input.scopes)
  return { tn, ...(sub !== undefined && { sub }), ...(scopes !== undefined && { scopes }), ...(sid !== undefined && { sid }) }
}

const isSeconds = (v: unknown): v is number => typeof v === 'number' && Number.isSafeInteger(v) && v >= 0

/**
 * Validates a payload whose signature already verified, at time `nowSec`. Unknown extra
 * claims are ignored; `nbf`, when present, is honoured.
 */
export function checkClaims(payload: unknown, nowSec: number): NimbusTokenClaims {
  if (!isRecord(payload)) throw new NimbusTokenClaimsError('token payload must be a JSON object')
  if (payload.scope !== NIMBUS_TOKEN_SCOPE) {
    throw new NimbusTokenClaimsError(`claim 'scope' must be '${NIMBUS_TOKEN_SCOPE}'; this token is not a Nimbus token`)
  }
  const ids = checkTokenInput(payload)
  const { iat, exp, nbf } = payload
  if (!isSeconds(iat)) throw new NimbusTokenClaimsError(`claim 'iat' must be an integer number of UNIX seconds`)
  if (!isSeconds(exp)) throw new NimbusTokenClaimsError(`claim 'exp' must be an integer number of UNIX seconds`)
  if (exp <= iat) throw new NimbusTokenClaimsError(`claim 'exp' must be after 'iat'`)
  if ((exp - iat) * 1000 > MAX_TOKEN_TTL_MS) {
    throw new NimbusTokenClaimsError(`token lifetime exceeds the maximum of ${MAX_TOKEN_TTL_MS / 3_600_000} hours`)
  }
  if (iat > nowSec + CLOCK_SKEW_SECONDS) throw new NimbusTokenClaimsError(`claim 'iat' is in the future`)
  if (nbf !== undefined) {
    if (!isSeconds(nbf)) throw new NimbusTokenClaimsError(`claim 'nbf' must be an integer number of UNIX seconds`)
    if (nbf > nowSec + CLOCK_SKEW_SECONDS) throw new NimbusTokenClaimsError('token is not valid yet')
  }
  if (nowSec >= exp + CLOCK_SKEW_SECONDS) throw new NimbusTokenExpiredError()
  return { scope: NIMBUS_TOKEN_SCOPE, ...ids, iat, exp }
}
