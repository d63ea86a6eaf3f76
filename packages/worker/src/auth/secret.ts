/**
 * Reads the signing secrets from the environment and turns them into HMAC keys.
 *
 * The key is the secret's text as UTF-8 bytes (not hex-decoded), so any JWT library given
 * the same string signs and verifies the same tokens. Error messages name the variable,
 * never its value.
 */
import { NimbusAuthConfigError } from './errors.js'

/** The environment the token functions read; a Worker's `env` fits as is. */
export interface NimbusAuthEnv {
  /** HS256 signing key: 32+ hex characters (`openssl rand -hex 32`). */
  JWT_SECRET?: string
  /** The previous key during a rotation; verifies, never signs. */
  JWT_SECRET_PREVIOUS?: string
}

export const SECRET_RE = /^[0-9A-Fa-f]{32,}$/

type SecretName = 'JWT_SECRET' | 'JWT_SECRET_PREVIOUS'

function readSecret(env: NimbusAuthEnv | undefined, name: SecretName): string | undefined {
  const value: unknown = env?.[name]
  if (value === undefined || value === null || value === '') return undefined
  if (typeof value !== 'string' || !SECRET_RE.test(value)) {
    throw new NimbusAuthConfigError(`auth is misconfigured: ${name} must be 32+ hex characters`)
  }
  return value
}

/** The primary secret; throws `NimbusAuthConfigError` when missing or not 32+ hex. */
export function signingSecret(env: NimbusAuthEnv | undefined): string {
  const primary = readSecret(env, 'JWT_SECRET')
  if (primary === undefined) throw new NimbusAuthConfigError('auth is not configured: JWT_SECRET is not set')
  return primary
}

/**
 * Secrets to try when verifying, primary first. A malformed `JWT_SECRET_PREVIOUS` fails
 * closed rather than being skipped, so a typo during rotation is loud.
 */
export function verifySecrets(env: NimbusAuthEnv | undefined): string[] {
  const primary = signingSecret(env)
  const previous = readSecret(env, 'JWT_SECRET_PREVIOUS')
  return previous === undefined || previous === primary ? [primary] : [primary, previous]
}

// Importing a key costs more than an HMAC; a Worker sees the same one or two secrets on
// every request, so keep a few imported keys around.
const MAX_CACHED_KEYS = 4
const keys = new Map<string, Promise<CryptoKey>>()

export function hmacKey(secret: string): Promise<CryptoKey> {
  let key = keys.get(secret)
  if (key === undefined) {
    key = crypto.subtle.importKey('raw', new TextEncoder().encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
      'sign',
      'verify',
    ])
    if (keys.size >= MAX_CACHED_KEYS) keys.delete(keys.keys().next().value as string)
    keys.set(secret, key)
    // Never keep a failed import around.
    key.catch(() => keys.delete(secret))
  }
  return key
}
