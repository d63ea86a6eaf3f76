/**
 * Issue and verify Nimbus tokens: compact JWS, HS256, WebCrypto only (runs in workerd and
 * Node alike). Verification is strict about the wire format before any cryptography:
 * exactly three canonical base64url segments, JSON object header and payload, `alg` HS256.
 * Then the signature (primary secret, then the rotation secret), then the claims.
 */
import { SignJWT, base64url, compactVerify, errors as jose } from 'jose'
import {
  DEFAULT_TOKEN_TTL_MS,
  MAX_TOKEN_TTL_MS,
  NIMBUS_TOKEN_SCOPE,
  checkClaims,
  checkTokenInput,
  type NimbusTokenClaims,
  type NimbusTokenInput,
} from './claims.js'
import {
  NimbusScopeError,
  NimbusSessionPinError,
  NimbusTokenMalformedError,
  NimbusTokenSignatureError,
  NimbusTokenTtlError,
} from './errors.js'
import { hmacKey, signingSecret, verifySecrets, type NimbusAuthEnv } from './secret.js'

/** Tokens longer than this are refused before parsing. */
export const MAX_TOKEN_LENGTH = 8 * 1024

export interface IssueNimbusTokenOptions {
  /** Lifetime in milliseconds; default 1 hour, at most `MAX_TOKEN_TTL_MS` (24 hours). */
  ttlMs?: number
  /** Current time in epoch milliseconds; defaults to `Date.now()`. */
  now?: number
}

export interface VerifyNimbusTokenOptions {
  /** A capability the token must carry (tokens without `scopes` carry all). */
  requiredScope?: string
  /** The session being opened; a token pinned with `sid` must name this one. */
  sessionId?: string
  /** Current time in epoch milliseconds; defaults to `Date.now()`. */
  now?: number
}

export interface VerifiedNimbusToken {
  claims: NimbusTokenClaims
  /** `${tn}:${sub || '_'}`: the tenant part of the Durable Object name. */
  doInstanceName: string
}

/** The tenant segment of a Durable Object name for these claims. */
export const doInstanceNameOf = (claims: Pick<NimbusTokenClaims, 'tn' | 'sub'>): string =>
  `${claims.tn}:${claims.sub || '_'}`

function ttlSeconds(ttlMs: unknown): number {
  if (typeof ttlMs !== 'number' || !Number.isFinite(ttlMs) || ttlMs <= 0) {
    throw new NimbusTokenTtlError('ttlMs must be a positive number of milliseconds')
  }
  if (ttlMs > MAX_TOKEN_TTL_MS) {
    throw new NimbusTokenTtlError(`ttlMs ${ttlMs} exceeds the maximum of ${MAX_TOKEN_TTL_MS} (24 hours)`)
  }
  return Math.ceil(ttlMs / 1000)
}

/** Signs a token for `claims` with `env.JWT_SECRET`. */
export async function issueNimbusToken(
  env: NimbusAuthEnv,
  claims: NimbusTokenInput,
  opts: IssueNimbusTokenOptions = {},
): Promise<string> {
  const secret = signingSecret(env)
  const ttl = ttlSeconds(opts.ttlMs ?? DEFAULT_TOKEN_TTL_MS)
  const input = checkTokenInput(claims)
  const iat = Math.floor((opts.now ?? Date.now()) / 1000)
  return new SignJWT({ scope: NIMBUS_TOKEN_SCOPE, ...input })
    .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
    .setIssuedAt(iat)
    .setExpirationTime(iat + ttl)
    .sign(await hmacKey(secret))
}

const SEGMENT_RE = /^[A-Za-z0-9_-]+$/

/** Decodes one segment, refusing anything that is not the canonical encoding of its bytes. */
function segmentBytes(segment: string, what: string): Uint8Array {
  let bytes: Uint8Array
  try {
    bytes = base64url.decode(segment)
  } catch {
    throw new NimbusTokenMalformedError(`token ${what} is not base64url`)
  }
  if (base64url.encode(bytes) !== segment) throw new NimbusTokenMalformedError(`token ${what} is not canonical base64url`)
  return bytes
}

function jsonObject(bytes: Uint8Array, what: string): Record<string, unknown> {
  let value: unknown
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes))
  } catch {
    throw new NimbusTokenMalformedError(`token ${what} is not JSON`)
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new NimbusTokenMalformedError(`token ${what} is not a JSON object`)
  }
  return value as Record<string, unknown>
}

/** Checks the wire shape and the header's algorithm; throws Malformed or Signature errors. */
function parseCompact(token: unknown): void {
  if (typeof token !== 'string' || token.length === 0) throw new NimbusTokenMalformedError('token is missing')
  if (token.length > MAX_TOKEN_LENGTH) throw new NimbusTokenMalformedError('token is too long')
  const parts = token.split('.')
  if (parts.length !== 3) throw new NimbusTokenMalformedError('token must have three dot-separated segments')
  const [h, p, s] = parts as [string, string, string]
  if (!SEGMENT_RE.test(h) || !SEGMENT_RE.test(p) || !SEGMENT_RE.test(s)) {
    throw new NimbusTokenMalformedError('token segments must be non-empty base64url')
  }
  const header = jsonObject(segmentBytes(h, 'header'), 'header')
  jsonObject(segmentBytes(p, 'payload'), 'payload')
  segmentBytes(s, 'signature')
  if (header.alg !== 'HS256') throw new NimbusTokenSignatureError('token algorithm must be HS256')
  if (header.crit !== undefined) throw new NimbusTokenMalformedError('token header must not carry crit extensions')
}

/** Verifies the signature with each secret in turn; returns the signed payload bytes. */
async function verifySignature(token: string, secrets: string[]): Promise<Uint8Array> {
  for (const secret of secrets) {
    try {
      const { payload } = await compactVerify(token, await hmacKey(secret), { algorithms: ['HS256'] })
      return payload
    } catch (e) {
      if (e instanceof jose.JWSSignatureVerificationFailed) continue
      if (e instanceof jose.JOSEAlgNotAllowed) throw new NimbusTokenSignatureError('token algorithm must be HS256')
      throw new NimbusTokenMalformedError('token is not a valid JWS')
    }
  }
  throw new NimbusTokenSignatureError()
}

/**
 * Verifies `token` against `env.JWT_SECRET` (and `JWT_SECRET_PREVIOUS` when set), checks
 * its claims, and optionally a required scope and a session pin. Every failure is a
 * `NimbusAuthError` subclass.
 */
export async function verifyNimbusToken(
  env: NimbusAuthEnv,
  token: string,
  opts: VerifyNimbusTokenOptions = {},
): Promise<VerifiedNimbusToken> {
  const secrets = verifySecrets(env)
  parseCompact(token)
  const payload = await verifySignature(token, secrets)
  const claims = checkClaims(jsonObject(payload, 'payload'), Math.floor((opts.now ?? Date.now()) / 1000))
  const { requiredScope, sessionId } = opts
  if (requiredScope !== undefined && claims.scopes !== undefined && !claims.scopes.includes(requiredScope)) {
    throw new NimbusScopeError(requiredScope)
  }
  if (sessionId !== undefined && claims.sid !== undefined && claims.sid !== sessionId) {
    throw new NimbusSessionPinError()
  }
  return { claims, doInstanceName: doInstanceNameOf(claims) }
}
