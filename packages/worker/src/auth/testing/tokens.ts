/**
 * Test helpers: fixed secrets, a seeded PRNG, and a signer that puts any header and payload
 * into a correctly signed compact JWS, to prove the verifier checks more than the signature.
 */
import { CompactSign, base64url } from 'jose'

export const SECRET = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'
export const OTHER_SECRET = 'fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210'
export const env = { JWT_SECRET: SECRET }

/** 2026-01-01T00:00:00Z, in ms: a fixed "now" for deterministic claims. */
export const NOW = Date.UTC(2026, 0, 1)
export const NOW_SEC = NOW / 1000

export const hmac = (secret: string): Uint8Array => new TextEncoder().encode(secret)

/** Signs arbitrary JSON (or raw text) as the payload with an HMAC secret. */
export async function signRaw(
  payload: unknown,
  opts: { secret?: string; alg?: 'HS256' | 'HS384' | 'HS512'; header?: Record<string, unknown>; raw?: boolean } = {},
): Promise<string> {
  const bytes = new TextEncoder().encode(opts.raw === true ? String(payload) : JSON.stringify(payload))
  return new CompactSign(bytes)
    .setProtectedHeader({ alg: opts.alg ?? 'HS256', typ: 'JWT', ...opts.header } as { alg: string })
    .sign(hmac(opts.secret ?? SECRET))
}

/** A well-formed claim set valid at `NOW`, to start mutations from. */
export const goodClaims = (over: Record<string, unknown> = {}): Record<string, unknown> => ({
  scope: 'nimbus',
  tn: 'acme',
  sub: 'alice',
  iat: NOW_SEC,
  exp: NOW_SEC + 3600,
  ...over,
})

export const b64json = (v: unknown): string => base64url.encode(JSON.stringify(v))

/** mulberry32: small, seeded, good enough to drive mutations reproducibly. */
export function prng(seed: number): () => number {
  let a = seed >>> 0
  return () => {
    a = (a + 0x6d2b79f5) >>> 0
    let t = a
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}
