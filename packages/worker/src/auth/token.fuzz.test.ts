/**
 * Mutation fuzzing of the verifier: start from valid tokens, break them in many seeded,
 * reproducible ways, and require that every result is refused with a typed
 * NimbusAuthError (never accepted, never a raw TypeError or SyntaxError), and that no
 * message leaks the secret.
 */
import { base64url } from 'jose'
import { describe, expect, it } from 'vitest'
import { CLOCK_SKEW_SECONDS, NimbusAuthError, issueNimbusToken, verifyNimbusToken } from './index.js'
import { NOW, NOW_SEC, OTHER_SECRET, SECRET, b64json, env, goodClaims, prng, signRaw } from './testing/tokens.js'

const B64URL = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

type Rand = () => number
const pick = <T>(r: Rand, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)] as T
const int = (r: Rand, n: number): number => Math.floor(r() * n)

const split = (t: string): [string, string, string] => t.split('.') as [string, string, string]

/** Values of the wrong type or range, per claim. */
const NOT_A_STRING: unknown[] = [null, true, 0, -1, 1.5, [], ['acme'], {}, { tn: 'acme' }]
const BAD_ID: unknown[] = [...NOT_A_STRING, '', ' ', 'x'.repeat(129), 'a/b', 'a:b', '名前', 'a\u0000b']
const BAD_TIME: unknown[] = [null, true, -1, 1.5, -1e300, 2 ** 53, 1e300, '1767225600', [], {}, Number.MAX_SAFE_INTEGER]
const WRONG_VALUES: Record<string, unknown[]> = {
  scope: [...NOT_A_STRING, 'vfs', 'Nimbus', ''],
  tn: [...BAD_ID, undefined],
  sub: BAD_ID,
  sid: BAD_ID,
  scopes: ['session:attach', [1], [null], ['a b'], ['UPPER'], [['x']], {}, 7, Array.from({ length: 40 }, () => 'x')],
  iat: [...BAD_TIME, undefined, NOW_SEC + 3600],
  exp: [...BAD_TIME, undefined, NOW_SEC, NOW_SEC - 3600],
  nbf: [null, true, -1, 1.5, '0', [], NOW_SEC + 3600],
}
const ALGS = ['none', 'None', 'hs256', 'HS384', 'HS512', 'RS256', 'ES256', 'EdDSA', 'PS256', '', 'HS256 ', null, 256, ['HS256']]

type Mutator = (r: Rand, base: string) => Promise<string>

const mutators: Record<string, Mutator> = {
  async flipCharBit(r, t) {
    const i = int(r, t.length)
    const c = String.fromCharCode(t.charCodeAt(i) ^ (1 << int(r, 7)))
    return t.slice(0, i) + c + t.slice(i + 1)
  },
  async replaceChar(r, t) {
    const i = int(r, t.length)
    return t.slice(0, i) + pick(r, [...B64URL.replace(t[i] ?? '', '')]) + t.slice(i + 1)
  },
  async flipDecodedByte(r, t) {
    const parts = split(t)
    const which = int(r, 3)
    const bytes = base64url.decode(parts[which] as string)
    bytes[int(r, bytes.length)]! ^= 1 << int(r, 8)
    parts[which] = base64url.encode(bytes)
    return parts.join('.')
  },
  async swapSegments(r, t) {
    const [h, p, s] = split(t)
    return pick(r, [[p, h, s], [h, s, p], [s, p, h], [p, s, h], [s, h, p], [h, h, s], [h, p, h], [p, p, s]]).join('.')
  },
  async truncate(r, t) {
    return t.slice(0, int(r, t.length))
  },
  async extend(r, t) {
    return t + pick(r, ['.', '..', '=', '.AAAA', 'A', '%00', ' ', '\n', `.${split(t)[2]}`])
  },
  async changeAlgKeepSignature(r, t) {
    const [, p, s] = split(t)
    return `${b64json({ alg: pick(r, ALGS), typ: 'JWT' })}.${p}.${pick(r, [s, '', 'AAAA'])}`
  },
  async resignWithOtherAlg(r) {
    return signRaw(goodClaims(), { alg: pick(r, ['HS384', 'HS512'] as const) })
  },
  async wrongSecret(r) {
    return signRaw(goodClaims({ sub: `u${int(r, 1000)}` }), { secret: pick(r, [OTHER_SECRET, SECRET.toUpperCase(), SECRET.slice(0, 32)]) })
  },
  async wrongClaimType(r) {
    const claim = pick(r, Object.keys(WRONG_VALUES))
    return signRaw(goodClaims({ [claim]: pick(r, WRONG_VALUES[claim] as unknown[]) }))
  },
  async dropClaim(r) {
    const c = goodClaims()
    delete c[pick(r, ['scope', 'tn', 'iat', 'exp'])]
    return signRaw(c)
  },
  async extremeExp(r) {
    const exp = pick(r, [-1, -NOW_SEC, 0, 1, NOW_SEC - 1000, NOW_SEC + 10 ** 9, 1e21, 2 ** 53 + 2, Number.MAX_VALUE, -0.5])
    return signRaw(goodClaims({ exp }))
  },
  async expired(r) {
    const ago = CLOCK_SKEW_SECONDS + 1 + int(r, 10 ** 6)
    return signRaw(goodClaims({ iat: NOW_SEC - ago - 60, exp: NOW_SEC - ago }))
  },
  async foreignScope(r) {
    return signRaw(goodClaims({ scope: pick(r, ['vfs', 'NIMBUS', 'nimbus ', 'mossaic', '']) }))
  },
  async payloadNotObject(r) {
    return signRaw(pick(r, ['[]', 'null', '"nimbus"', '123', '{', '']), { raw: true })
  },
  async headerGarbage(r, t) {
    const [, p, s] = split(t)
    const h = pick(r, ['e30', base64url.encode('not json'), base64url.encode('[]'), base64url.encode('null'), 'eyJhbGciOiJIUzI1NiJ9x'])
    return `${h}.${p}.${s}`
  },
  async randomString(r) {
    return Array.from({ length: 1 + int(r, 200) }, () => pick(r, [...`${B64URL}.`])).join('')
  },
}

async function refusal(token: string): Promise<NimbusAuthError | 'accepted'> {
  try {
    await verifyNimbusToken(env, token, { now: NOW })
    return 'accepted'
  } catch (e) {
    if (e instanceof NimbusAuthError) return e
    throw new Error(`untyped failure for ${JSON.stringify(token)}: ${String(e)}`)
  }
}

describe('verifyNimbusToken fuzz', () => {
  it('refuses 800 seeded mutations of valid tokens with typed errors', async () => {
    const r = prng(0x6e696d62)
    const bases = await Promise.all([
      issueNimbusToken(env, { tn: 'acme', sub: 'alice' }, { now: NOW }),
      issueNimbusToken(env, { tn: 'acme', scopes: ['session:attach', 'sandbox:use'], sid: 's-1' }, { now: NOW }),
      issueNimbusToken(env, { tn: 't'.repeat(128) }, { ttlMs: 60_000, now: NOW }),
    ])
    for (const b of bases) expect(await refusal(b)).toBe('accepted')

    const names = Object.keys(mutators)
    const seenCodes = new Map<string, number>()
    let tried = 0
    for (let i = 0; i < 800; i++) {
      const name = names[i % names.length] as string
      const base = pick(r, bases)
      const token = await (mutators[name] as Mutator)(r, base)
      if (bases.includes(token)) continue
      tried++
      const result = await refusal(token)
      if (result === 'accepted') throw new Error(`mutation ${name} #${i} was accepted: ${token}`)
      expect(result.message).not.toContain(SECRET)
      expect(result.httpStatus).toBeGreaterThanOrEqual(400)
      seenCodes.set(result.code, (seenCodes.get(result.code) ?? 0) + 1)
    }
    expect(tried).toBeGreaterThanOrEqual(500)
    // The mutations reach every verification stage, not just the first check.
    for (const code of ['E_TOKEN_MALFORMED', 'E_TOKEN_SIGNATURE', 'E_TOKEN_CLAIMS', 'E_TOKEN_EXPIRED']) {
      expect(seenCodes.get(code) ?? 0).toBeGreaterThan(10)
    }
  })

  it('refuses non-string tokens with E_TOKEN_MALFORMED', async () => {
    for (const bad of [undefined, null, 42, {}, [], 'x'.repeat(9000)]) {
      const result = await refusal(bad as string)
      expect(result === 'accepted' ? result : result.code).toBe('E_TOKEN_MALFORMED')
    }
  })
})
