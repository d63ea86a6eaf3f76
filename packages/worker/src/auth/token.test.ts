import { generateKeyPair, SignJWT } from 'jose'
import { describe, expect, it } from 'vitest'
import {
  CLOCK_SKEW_SECONDS,
  ID_COMPONENT_RE,
  MAX_TOKEN_TTL_MS,
  NimbusAuthError,
  issueNimbusToken,
  verifyNimbusToken,
  type NimbusAuthCode,
} from './index.js'
import { NOW, NOW_SEC, OTHER_SECRET, SECRET, b64json, env, goodClaims, signRaw } from './testing/tokens.js'

async function codeOf(p: Promise<unknown>): Promise<NimbusAuthCode | 'accepted'> {
  try {
    await p
    return 'accepted'
  } catch (e) {
    if (e instanceof NimbusAuthError) {
      expect(e.message).not.toContain(SECRET)
      expect(e.message).not.toContain(OTHER_SECRET)
      return e.code
    }
    throw e
  }
}

describe('issueNimbusToken / verifyNimbusToken', () => {
  it('round-trips claims and names the Durable Object tenant', async () => {
    const token = await issueNimbusToken(
      env,
      { tn: 'acme', sub: 'alice', scopes: ['session:attach'], sid: 'pretty-otter-1234' },
      { ttlMs: 3_600_000, now: NOW },
    )
    expect(token).toMatch(/^eyJ[\w-]+\.eyJ[\w-]+\.[\w-]+$/)
    const { claims, doInstanceName } = await verifyNimbusToken(env, token, { now: NOW + 1000 })
    expect(claims).toEqual({
      scope: 'nimbus',
      tn: 'acme',
      sub: 'alice',
      scopes: ['session:attach'],
      sid: 'pretty-otter-1234',
      iat: NOW_SEC,
      exp: NOW_SEC + 3600,
    })
    expect(doInstanceName).toBe('acme:alice')
  })

  it("uses '_' for a missing subject and omits absent optional claims", async () => {
    const token = await issueNimbusToken(env, { tn: 'acme' }, { now: NOW })
    const { claims, doInstanceName } = await verifyNimbusToken(env, token, { now: NOW })
    expect(doInstanceName).toBe('acme:_')
    expect(Object.keys(claims).sort()).toEqual(['exp', 'iat', 'scope', 'tn'])
    expect(claims.exp - claims.iat).toBe(3600) // default TTL: 1 hour
  })

  it('signs HS256 with the secret text as the key, verifiable by any JWT library', async () => {
    const token = await issueNimbusToken(env, { tn: 'acme' }, { now: NOW })
    const header = JSON.parse(atob(token.split('.')[0] as string)) as unknown
    expect(header).toEqual({ alg: 'HS256', typ: 'JWT' })
    const foreign = await new SignJWT(goodClaims()).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode(SECRET))
    expect((await verifyNimbusToken(env, foreign, { now: NOW })).claims.tn).toBe('acme')
  })

  it('ID_COMPONENT_RE is the id rule of tn, sub and sid', () => {
    for (const ok of ['a', 'A.b_c-9', 'x'.repeat(128)]) expect(ID_COMPONENT_RE.test(ok)).toBe(true)
    for (const bad of ['', 'x'.repeat(129), 'a b', 'a/b', 'a:b', 'é', 'a\n']) expect(ID_COMPONENT_RE.test(bad)).toBe(false)
  })
})

describe('secret configuration', () => {
  it.each([
    ['missing', {}],
    ['empty', { JWT_SECRET: '' }],
    ['too short', { JWT_SECRET: 'abcdef0123' }],
    ['not hex', { JWT_SECRET: 'this-is-not-hex-but-long-enough-to-count-1234567890' }],
    ['bad previous', { JWT_SECRET: SECRET, JWT_SECRET_PREVIOUS: 'nothex-nothex-nothex-nothex-nothex-nothex' }],
  ])('%s → E_AUTH_CONFIG_MISSING without echoing the value', async (_what, bad) => {
    const token = await issueNimbusToken(env, { tn: 'acme' }, { now: NOW })
    for (const p of [verifyNimbusToken(bad, token, { now: NOW })]) {
      const err = await p.catch((e: unknown) => e)
      expect(err).toBeInstanceOf(NimbusAuthError)
      expect((err as NimbusAuthError).code).toBe('E_AUTH_CONFIG_MISSING')
      for (const v of Object.values(bad)) if (v) expect((err as Error).message).not.toContain(v)
    }
    if (!('JWT_SECRET_PREVIOUS' in bad)) expect(await codeOf(issueNimbusToken(bad, { tn: 'acme' }))).toBe('E_AUTH_CONFIG_MISSING')
  })

  it('accepts upper-case hex and exactly 32 characters', async () => {
    const e = { JWT_SECRET: 'ABCDEF0123456789ABCDEF0123456789' }
    const token = await issueNimbusToken(e, { tn: 'acme' }, { now: NOW })
    expect((await verifyNimbusToken(e, token, { now: NOW })).doInstanceName).toBe('acme:_')
  })
})

describe('rotation with JWT_SECRET_PREVIOUS', () => {
  const rotated = { JWT_SECRET: OTHER_SECRET, JWT_SECRET_PREVIOUS: SECRET }

  it('verifies tokens signed with the previous secret and with the new one', async () => {
    const old = await issueNimbusToken({ JWT_SECRET: SECRET }, { tn: 'acme', sub: 'old' }, { now: NOW })
    const fresh = await issueNimbusToken(rotated, { tn: 'acme', sub: 'new' }, { now: NOW })
    expect((await verifyNimbusToken(rotated, old, { now: NOW })).doInstanceName).toBe('acme:old')
    expect((await verifyNimbusToken(rotated, fresh, { now: NOW })).doInstanceName).toBe('acme:new')
  })

  it('signs new tokens with the primary only', async () => {
    const fresh = await issueNimbusToken(rotated, { tn: 'acme' }, { now: NOW })
    expect(await codeOf(verifyNimbusToken({ JWT_SECRET: SECRET }, fresh, { now: NOW }))).toBe('E_TOKEN_SIGNATURE')
    expect(await codeOf(verifyNimbusToken({ JWT_SECRET: OTHER_SECRET }, fresh, { now: NOW }))).toBe('accepted')
  })

  it('rejects old tokens once the previous secret is removed', async () => {
    const old = await issueNimbusToken({ JWT_SECRET: SECRET }, { tn: 'acme' }, { now: NOW })
    expect(await codeOf(verifyNimbusToken({ JWT_SECRET: OTHER_SECRET }, old, { now: NOW }))).toBe('E_TOKEN_SIGNATURE')
  })
})

describe('algorithms', () => {
  const payload = b64json(goodClaims())

  it('rejects alg none, with or without a signature', async () => {
    const none = b64json({ alg: 'none', typ: 'JWT' })
    expect(await codeOf(verifyNimbusToken(env, `${none}.${payload}.`, { now: NOW }))).toBe('E_TOKEN_MALFORMED')
    expect(await codeOf(verifyNimbusToken(env, `${none}.${payload}.AAAA`, { now: NOW }))).toBe('E_TOKEN_SIGNATURE')
  })

  it.each(['HS384', 'HS512'] as const)('rejects %s even when signed with the right secret', async (alg) => {
    expect(await codeOf(verifyNimbusToken(env, await signRaw(goodClaims(), { alg }), { now: NOW }))).toBe('E_TOKEN_SIGNATURE')
  })

  it('rejects RS256', async () => {
    const { privateKey } = await generateKeyPair('RS256')
    const rs = await new SignJWT(goodClaims()).setProtectedHeader({ alg: 'RS256' }).sign(privateKey)
    expect(await codeOf(verifyNimbusToken(env, rs, { now: NOW }))).toBe('E_TOKEN_SIGNATURE')
  })

  it('rejects an HS256 header relabelled with another signature', async () => {
    const good = await signRaw(goodClaims())
    const [h, p] = good.split('.') as [string, string]
    const forged = await signRaw(goodClaims({ tn: 'evil' }), { secret: OTHER_SECRET })
    expect(await codeOf(verifyNimbusToken(env, `${h}.${p}.${forged.split('.')[2]}`, { now: NOW }))).toBe('E_TOKEN_SIGNATURE')
  })

  it('rejects crit header extensions and non-canonical base64url', async () => {
    const crit = await signRaw(goodClaims(), { header: { crit: ['b64'], b64: true } })
    expect(await codeOf(verifyNimbusToken(env, crit, { now: NOW }))).toBe('E_TOKEN_MALFORMED')
    const good = await signRaw(goodClaims())
    const sig = good.split('.')[2] as string
    // The last character of a 32-byte signature carries 2 unused bits: flip one of them.
    const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'
    const last = alphabet.indexOf(sig.at(-1) as string)
    const twin = `${good.slice(0, -1)}${alphabet[last ^ 1]}`
    expect(twin).not.toBe(good)
    expect(await codeOf(verifyNimbusToken(env, twin, { now: NOW }))).toBe('E_TOKEN_MALFORMED')
  })
})

describe('claims', () => {
  it.each<[string, Record<string, unknown>]>([
    ["scope 'vfs' (another product's token)", { scope: 'vfs' }],
    ['scope missing', { scope: undefined }],
    ['scope as a list', { scope: ['nimbus'] }],
    ['tn missing', { tn: undefined }],
    ['tn empty', { tn: '' }],
    ['tn too long', { tn: 'x'.repeat(129) }],
    ['tn with a colon', { tn: 'a:b' }],
    ['tn a number', { tn: 7 }],
    ['sub null', { sub: null }],
    ['sub with a slash', { sub: 'a/b' }],
    ['sid an object', { sid: { id: 's' } }],
    ['scopes a string', { scopes: 'session:attach' }],
    ['scopes with a number', { scopes: ['session:attach', 1] }],
    ['scopes with spaces', { scopes: ['session attach'] }],
    ['scopes too many', { scopes: Array.from({ length: 33 }, (_, i) => `s${i}`) }],
    ['iat missing', { iat: undefined }],
    ['iat a string', { iat: String(NOW_SEC) }],
    ['iat fractional', { iat: NOW_SEC + 0.5 }],
    ['iat in the future', { iat: NOW_SEC + CLOCK_SKEW_SECONDS + 5, exp: NOW_SEC + 3600 }],
    ['exp missing', { exp: undefined }],
    ['exp before iat', { exp: NOW_SEC - 10 }],
    ['exp negative', { exp: -1 }],
    ['exp huge', { exp: 1e300 }],
    ['exp unsafe integer', { exp: 2 ** 60 }],
    ['lifetime above the maximum', { exp: NOW_SEC + MAX_TOKEN_TTL_MS / 1000 + 1 }],
    ['nbf in the future', { nbf: NOW_SEC + 3000 }],
    ['nbf a string', { nbf: 'soon' }],
  ])('rejects %s with E_TOKEN_CLAIMS', async (_what, over) => {
    const token = await signRaw(goodClaims(over))
    expect(await codeOf(verifyNimbusToken(env, token, { now: NOW }))).toBe('E_TOKEN_CLAIMS')
  })

  it.each([
    ['an array', '[1,2]'],
    ['null', 'null'],
    ['a number', '42'],
    ['not JSON', '{"scope":"nimbus"'],
  ])('rejects a signed payload that is %s with E_TOKEN_MALFORMED', async (_what, raw) => {
    expect(await codeOf(verifyNimbusToken(env, await signRaw(raw, { raw: true }), { now: NOW }))).toBe('E_TOKEN_MALFORMED')
  })

  it('ignores unknown extra claims', async () => {
    const token = await signRaw(goodClaims({ aud: 'x', custom: { deep: true } }))
    const { claims } = await verifyNimbusToken(env, token, { now: NOW })
    expect(claims).not.toHaveProperty('custom')
  })

  it('refuses to issue tokens with invalid ids or scopes', async () => {
    expect(await codeOf(issueNimbusToken(env, { tn: 'a b' }))).toBe('E_TOKEN_CLAIMS')
    expect(await codeOf(issueNimbusToken(env, { tn: 'acme', sub: '' }))).toBe('E_TOKEN_CLAIMS')
    expect(await codeOf(issueNimbusToken(env, { tn: 'acme', sid: 'x'.repeat(129) }))).toBe('E_TOKEN_CLAIMS')
    expect(await codeOf(issueNimbusToken(env, { tn: 'acme', scopes: ['NOPE'] }))).toBe('E_TOKEN_CLAIMS')
    expect(await codeOf(issueNimbusToken(env, null as unknown as { tn: string }))).toBe('E_TOKEN_CLAIMS')
  })
})

describe('TTL limit', () => {
  it('issues up to MAX_TOKEN_TTL_MS and no further', async () => {
    const token = await issueNimbusToken(env, { tn: 'acme' }, { ttlMs: MAX_TOKEN_TTL_MS, now: NOW })
    expect((await verifyNimbusToken(env, token, { now: NOW })).claims.exp).toBe(NOW_SEC + MAX_TOKEN_TTL_MS / 1000)
    expect(await codeOf(issueNimbusToken(env, { tn: 'acme' }, { ttlMs: MAX_TOKEN_TTL_MS + 1 }))).toBe('E_TOKEN_TTL_TOO_LARGE')
  })

  it.each([0, -5, Number.NaN, Number.POSITIVE_INFINITY, '3600' as unknown as number])(
    'refuses ttlMs %s with E_TOKEN_TTL_TOO_LARGE',
    async (ttlMs) => {
      expect(await codeOf(issueNimbusToken(env, { tn: 'acme' }, { ttlMs }))).toBe('E_TOKEN_TTL_TOO_LARGE')
    },
  )

  it('rounds a sub-second TTL up so exp stays after iat', async () => {
    const token = await issueNimbusToken(env, { tn: 'acme' }, { ttlMs: 1, now: NOW })
    const { claims } = await verifyNimbusToken(env, token, { now: NOW })
    expect(claims.exp - claims.iat).toBe(1)
  })
})

describe('clock skew', () => {
  const ttlMs = 60_000
  const at = async (offsetSec: number) =>
    codeOf(verifyNimbusToken(env, await issueNimbusToken(env, { tn: 'acme' }, { ttlMs, now: NOW }), { now: NOW + offsetSec * 1000 }))

  it('accepts a token up to the skew allowance after exp', async () => {
    expect(await at(60 + CLOCK_SKEW_SECONDS - 1)).toBe('accepted')
    expect(await at(60 + CLOCK_SKEW_SECONDS)).toBe('E_TOKEN_EXPIRED')
    expect(await at(10 * 3600)).toBe('E_TOKEN_EXPIRED')
  })

  it('accepts a token issued by a clock slightly ahead', async () => {
    expect(await at(-CLOCK_SKEW_SECONDS)).toBe('accepted')
    expect(await at(-CLOCK_SKEW_SECONDS - 1)).toBe('E_TOKEN_CLAIMS')
  })
})

describe('scopes and session pin', () => {
  const issue = (claims: { scopes?: string[]; sid?: string }) => issueNimbusToken(env, { tn: 'acme', ...claims }, { now: NOW })

  it('treats a token without scopes as tenant-wide', async () => {
    const token = await issue({})
    for (const requiredScope of ['session:create', 'session:attach', 'sandbox:use']) {
      expect(await codeOf(verifyNimbusToken(env, token, { requiredScope, now: NOW }))).toBe('accepted')
    }
  })

  it('limits a token with scopes to exactly those', async () => {
    const token = await issue({ scopes: ['session:attach'] })
    expect(await codeOf(verifyNimbusToken(env, token, { requiredScope: 'session:attach', now: NOW }))).toBe('accepted')
    const err = await verifyNimbusToken(env, token, { requiredScope: 'sandbox:use', now: NOW }).catch((e: unknown) => e)
    expect(err).toMatchObject({ code: 'E_SCOPE_MISSING', httpStatus: 403, requiredScope: 'sandbox:use' })
    const none = await issue({ scopes: [] })
    expect(await codeOf(verifyNimbusToken(env, none, { requiredScope: 'session:attach', now: NOW }))).toBe('E_SCOPE_MISSING')
  })

  it('opens only the pinned session', async () => {
    const token = await issue({ sid: 's1' })
    expect(await codeOf(verifyNimbusToken(env, token, { sessionId: 's1', now: NOW }))).toBe('accepted')
    expect(await codeOf(verifyNimbusToken(env, token, { sessionId: 's2', now: NOW }))).toBe('E_SESSION_PIN_MISMATCH')
    expect(await codeOf(verifyNimbusToken(env, token, { sessionId: 'S1', now: NOW }))).toBe('E_SESSION_PIN_MISMATCH')
    const unpinned = await issue({})
    expect(await codeOf(verifyNimbusToken(env, unpinned, { sessionId: 'anything', now: NOW }))).toBe('accepted')
  })
})
