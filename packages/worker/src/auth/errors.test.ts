import { describe, expect, it } from 'vitest'
import {
  NimbusAuthConfigError,
  NimbusAuthError,
  NimbusScopeError,
  NimbusSessionPinError,
  NimbusTokenClaimsError,
  NimbusTokenExpiredError,
  NimbusTokenMalformedError,
  NimbusTokenSignatureError,
  NimbusTokenTtlError,
  authErrorJson,
  authErrorResponse,
  issueNimbusToken,
  verifyNimbusToken,
} from './index.js'
import { NOW, NOW_SEC, OTHER_SECRET, SECRET, env, goodClaims, signRaw } from './testing/tokens.js'

/** Each class, a real way to provoke it through the public API, and the spec's code and status. */
const table: Array<{
  cls: new (...args: never[]) => NimbusAuthError
  name: string
  code: string
  status: number
  provoke: () => Promise<unknown>
}> = [
  {
    cls: NimbusAuthConfigError,
    name: 'NimbusAuthConfigError',
    code: 'E_AUTH_CONFIG_MISSING',
    status: 500,
    provoke: () => verifyNimbusToken({}, 'a.b.c'),
  },
  {
    cls: NimbusTokenMalformedError,
    name: 'NimbusTokenMalformedError',
    code: 'E_TOKEN_MALFORMED',
    status: 401,
    provoke: () => verifyNimbusToken(env, 'not-a-token'),
  },
  {
    cls: NimbusTokenSignatureError,
    name: 'NimbusTokenSignatureError',
    code: 'E_TOKEN_SIGNATURE',
    status: 401,
    provoke: async () => verifyNimbusToken(env, await signRaw(goodClaims(), { secret: OTHER_SECRET }), { now: NOW }),
  },
  {
    cls: NimbusTokenClaimsError,
    name: 'NimbusTokenClaimsError',
    code: 'E_TOKEN_CLAIMS',
    status: 401,
    provoke: async () => verifyNimbusToken(env, await signRaw(goodClaims({ scope: 'vfs' })), { now: NOW }),
  },
  {
    cls: NimbusTokenExpiredError,
    name: 'NimbusTokenExpiredError',
    code: 'E_TOKEN_EXPIRED',
    status: 401,
    provoke: async () =>
      verifyNimbusToken(env, await issueNimbusToken(env, { tn: 'acme' }, { ttlMs: 60_000, now: NOW }), {
        now: NOW + 3_600_000,
      }),
  },
  {
    cls: NimbusTokenTtlError,
    name: 'NimbusTokenTtlError',
    code: 'E_TOKEN_TTL_TOO_LARGE',
    status: 400,
    provoke: () => issueNimbusToken(env, { tn: 'acme' }, { ttlMs: 30 * 24 * 3_600_000 }),
  },
  {
    cls: NimbusScopeError,
    name: 'NimbusScopeError',
    code: 'E_SCOPE_MISSING',
    status: 403,
    provoke: async () =>
      verifyNimbusToken(env, await issueNimbusToken(env, { tn: 'acme', scopes: ['session:attach'] }, { now: NOW }), {
        requiredScope: 'sandbox:use',
        now: NOW,
      }),
  },
  {
    cls: NimbusSessionPinError,
    name: 'NimbusSessionPinError',
    code: 'E_SESSION_PIN_MISMATCH',
    status: 403,
    provoke: async () =>
      verifyNimbusToken(env, await issueNimbusToken(env, { tn: 'acme', sid: 's1' }, { now: NOW }), {
        sessionId: 's2',
        now: NOW,
      }),
  },
]

describe('NimbusAuthError tree', () => {
  it.each(table)('$name has code $code and status $status', async ({ cls, name, code, status, provoke }) => {
    const err = await provoke().then(
      () => undefined,
      (e: unknown) => e,
    )
    expect(err).toBeInstanceOf(cls)
    expect(err).toBeInstanceOf(NimbusAuthError)
    expect(err).toBeInstanceOf(Error)
    const e = err as NimbusAuthError
    expect(e.name).toBe(name)
    expect(e.code).toBe(code)
    expect(e.httpStatus).toBe(status)
    expect(e.message.length).toBeGreaterThan(0)
    expect(`${e.message}${e.stack ?? ''}`).not.toContain(SECRET)

    expect(authErrorJson(e)).toEqual({ status, body: { ok: false, error: e.message, code } })
    const res = authErrorResponse(e)
    expect(res.status).toBe(status)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(res.headers.get('www-authenticate')).toBe(status === 401 ? 'Bearer realm="nimbus"' : null)
    expect(await res.json()).toEqual({ ok: false, error: e.message, code })
  })

  it('covers all eight subclasses with distinct codes', () => {
    expect(new Set(table.map((t) => t.code)).size).toBe(8)
  })

  it('NimbusScopeError carries the scope the route needed', () => {
    const e = new NimbusScopeError('sandbox:use')
    expect(e.requiredScope).toBe('sandbox:use')
    expect(e.message).toContain('sandbox:use')
  })

  it('keeps the defaults usable when constructed directly', () => {
    expect(new NimbusTokenExpiredError().message).toBe('token has expired')
    expect(new NimbusAuthConfigError().httpStatus).toBe(500)
    expect(NOW_SEC).toBe(Math.floor(NOW / 1000))
  })
})
