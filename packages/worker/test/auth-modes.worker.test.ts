/**
 * Auth modes and the auth error table through real requests to `createNimbusHandler`,
 * inside workerd: which requests each mode lets through, and the exact status and JSON
 * body of every NimbusAuthError.
 */
import { describe, expect, it } from 'vitest'
import { issueNimbusToken } from '../src/auth/index.js'
import { signRaw, goodClaims, NOW } from '../src/auth/testing/tokens.js'
import type { AuthOptions } from '../src/router/auth.js'
import { OTHER_SECRET, SECRET, bearer, send, upgrade, type Vars } from './auth-helpers.js'

const withSecret: Vars = { JWT_SECRET: SECRET }
const mint = (claims: { tn: string; sub?: string; scopes?: string[]; sid?: string }, opts: { ttlMs?: number; now?: number } = {}) =>
  issueNimbusToken(withSecret, claims, opts)

describe('auth modes through the handler', () => {
  it.each<[string, AuthOptions | undefined, Vars, 'token' | 'none' | 'garbage', number, string | null]>([
    ['auto, no secret: legacy-public', undefined, {}, 'none', 302, null],
    ['auto, secret, no token', undefined, withSecret, 'none', 401, 'E_TOKEN_MALFORMED'],
    ['auto, secret, garbage token', { mode: 'auto' }, withSecret, 'garbage', 401, 'E_TOKEN_MALFORMED'],
    ['auto, secret, valid token', undefined, withSecret, 'token', 302, null],
    ['auto, secret + NIMBUS_LEGACY_PUBLIC=1', undefined, { ...withSecret, NIMBUS_LEGACY_PUBLIC: '1' }, 'none', 302, null],
    ['auto, secret + legacyPublic option', { legacyPublic: true }, withSecret, 'none', 302, null],
    ['enforce, no secret', { mode: 'enforce' }, {}, 'none', 500, 'E_AUTH_CONFIG_MISSING'],
    ['enforce, no secret, with a token', { mode: 'enforce' }, {}, 'token', 500, 'E_AUTH_CONFIG_MISSING'],
    ['enforce, short secret', { mode: 'enforce' }, { JWT_SECRET: 'abc123' }, 'token', 500, 'E_AUTH_CONFIG_MISSING'],
    ['enforce ignores NIMBUS_LEGACY_PUBLIC', { mode: 'enforce' }, { ...withSecret, NIMBUS_LEGACY_PUBLIC: '1' }, 'none', 401, 'E_TOKEN_MALFORMED'],
    ['enforce, valid token', { mode: 'enforce' }, withSecret, 'token', 302, null],
    ['legacy, secret set, no token', { mode: 'legacy' }, withSecret, 'none', 302, null],
    ['legacy, garbage token', { mode: 'legacy' }, withSecret, 'garbage', 302, null],
  ])('%s', async (_what, auth, vars, kind, status, code) => {
    const token = kind === 'token' ? await mint({ tn: 'acme' }) : kind === 'garbage' ? 'x.y.z' : undefined
    const res = await send(auth, vars, '/new', token ? { headers: bearer(token) } : {})
    expect(res.status).toBe(status)
    if (code === null) {
      expect(res.headers.get('location')).toMatch(/^https:\/\/nimbus\.test\/s\/[a-z]+-[a-z]+-[a-z0-9]{8}\/$/)
    } else {
      const body = (await res.json()) as { ok: boolean; code: string; error: string }
      expect(body).toEqual({ ok: false, code, error: expect.any(String) })
      expect(body.error).not.toContain(SECRET)
    }
  })

  it('token mode: the page is a plain shell, its socket needs a token; legacy mode serves both to anyone', async () => {
    expect((await send(undefined, withSecret, '/s/page-1/')).status).toBe(200)
    const upgrade = { upgrade: 'websocket' }
    expect((await send(undefined, withSecret, '/s/page-1/ws', { headers: upgrade })).status).toBe(401)
    const token = await mint({ tn: 'acme' })
    const socket = await send(undefined, withSecret, '/s/page-1/ws', { headers: { ...upgrade, ...bearer(token) } })
    expect(socket.status).toBe(101)
    socket.webSocket?.accept()
    socket.webSocket?.close()
    expect((await send({ mode: 'legacy' }, withSecret, '/s/page-1/')).status).toBe(200)
    expect((await send({ mode: 'legacy' }, withSecret, '/s/page-1/?nimbus_token=junk')).status).toBe(200)
  })

  it('the socket URL over plain HTTP tells the page why its upgrade would be refused', async () => {
    // A browser sees a refused upgrade only as close code 1006; the page asks this instead.
    const refused = await send(undefined, withSecret, '/s/page-2/ws')
    expect(refused.status).toBe(401)
    expect(await refused.json()).toMatchObject({ ok: false, code: 'E_TOKEN_MALFORMED' })
    const wrongSession = await send(undefined, withSecret, '/s/page-2/ws', { headers: bearer(await mint({ tn: 'acme', sid: 'other' })) })
    expect(wrongSession.status).toBe(403)
    const welcome = await send(undefined, withSecret, '/s/page-2/ws', { headers: bearer(await mint({ tn: 'acme' })) })
    expect(welcome.status).toBe(426)
  })

  it('?nimbus_token= becomes a session cookie and leaves the URL', async () => {
    const token = await mint({ tn: 'acme', sub: 'alice' })
    const res = await send(undefined, withSecret, `/s/cookie-1/?nimbus_token=${token}`)
    expect(res.status).toBe(302)
    expect(res.headers.get('location')).toBe('https://nimbus.test/s/cookie-1/')
    const setCookie = res.headers.get('set-cookie') ?? ''
    expect(setCookie).toMatch(/^nimbus_token=[\w.-]+; Path=\/s\/cookie-1\/; HttpOnly; SameSite=Strict; Secure; Max-Age=\d+$/)
    const cookie = setCookie.split(';')[0] as string
    const page = await send(undefined, withSecret, '/s/cookie-1/', { headers: { cookie } })
    expect(page.status).toBe(200)
    expect(await page.text()).toContain('page /s/')
    // The router reads the cookie only on session paths (the browser sends it only there).
    expect((await send(undefined, withSecret, '/new', { headers: { cookie } })).status).toBe(401)
  })

  it('a cookie from a pinned link is refused on another session', async () => {
    const token = await mint({ tn: 'acme', sid: 'cookie-4' })
    const res = await send(undefined, withSecret, `/s/cookie-4/?nimbus_token=${token}`)
    const cookie = (res.headers.get('set-cookie') ?? '').split(';')[0] as string
    expect((await send(undefined, withSecret, '/s/cookie-4/', { headers: { cookie } })).status).toBe(200)
    const other = await send(undefined, withSecret, '/s/cookie-5/ws', { headers: { cookie, upgrade: 'websocket' } })
    expect(other.status).toBe(403)
    expect(await other.json()).toMatchObject({ code: 'E_SESSION_PIN_MISMATCH' })
  })

  it('a bad ?nimbus_token= is refused, not turned into a cookie', async () => {
    const res = await send(undefined, withSecret, '/s/cookie-3/?nimbus_token=abc.def.ghi')
    expect(res.status).toBe(401)
    expect(res.headers.get('set-cookie')).toBeNull()
  })
})

describe('every NimbusAuthError as an HTTP response', () => {
  const mintRoute = (ttlMs: number) => ({
    routes: async (req: Request, env: { JWT_SECRET?: string }) =>
      new URL(req.url).pathname === '/api/auth/mint'
        ? Response.json({ token: await issueNimbusToken(env, { tn: 'acme' }, { ttlMs }) })
        : null,
  })

  it.each<[string, number, string, () => Promise<Response>]>([
    ['NimbusAuthConfigError', 500, 'E_AUTH_CONFIG_MISSING', () => send({ mode: 'enforce' }, {}, '/new')],
    ['NimbusTokenMalformedError', 401, 'E_TOKEN_MALFORMED', () => send(undefined, withSecret, '/new', { headers: bearer('nope') })],
    [
      'NimbusTokenSignatureError',
      401,
      'E_TOKEN_SIGNATURE',
      async () => send(undefined, withSecret, '/new', { headers: bearer(await issueNimbusToken({ JWT_SECRET: OTHER_SECRET }, { tn: 'acme' })) }),
    ],
    [
      'NimbusTokenClaimsError',
      401,
      'E_TOKEN_CLAIMS',
      async () =>
        send(undefined, withSecret, '/new', {
          headers: bearer(await signRaw(goodClaims({ scope: 'vfs', iat: Math.floor(Date.now() / 1000), exp: Math.floor(Date.now() / 1000) + 60 }))),
        }),
    ],
    [
      'NimbusTokenExpiredError',
      401,
      'E_TOKEN_EXPIRED',
      async () => send(undefined, withSecret, '/new', { headers: bearer(await mint({ tn: 'acme' }, { ttlMs: 60_000, now: NOW })) }),
    ],
    ['NimbusTokenTtlError', 400, 'E_TOKEN_TTL_TOO_LARGE', () => send(undefined, withSecret, '/api/auth/mint', { method: 'POST' }, mintRoute(48 * 3_600_000))],
    [
      'NimbusScopeError',
      403,
      'E_SCOPE_MISSING',
      async () => send(undefined, withSecret, '/new', { headers: bearer(await mint({ tn: 'acme', scopes: ['session:attach'] })) }),
    ],
    [
      'NimbusSessionPinError',
      403,
      'E_SESSION_PIN_MISMATCH',
      async () => send(undefined, withSecret, '/s/other/ws', upgrade(bearer(await mint({ tn: 'acme', sid: 'mine' })))),
    ],
  ])('%s → %i %s', async (_cls, status, code, request) => {
    const res = await request()
    expect(res.status).toBe(status)
    expect(res.headers.get('content-type')).toMatch(/^application\/json/)
    expect(res.headers.get('www-authenticate')).toBe(status === 401 ? 'Bearer realm="nimbus"' : null)
    const text = await res.text()
    expect(text).not.toContain(SECRET)
    expect(JSON.parse(text)).toEqual({ ok: false, error: expect.any(String), code })
  })

  it('the custom mint route works within the limit', async () => {
    const res = await send(undefined, withSecret, '/api/auth/mint', { method: 'POST' }, mintRoute(3_600_000))
    expect(res.status).toBe(200)
    const { token } = (await res.json()) as { token: string }
    expect((await send(undefined, withSecret, '/new', { headers: bearer(token) })).status).toBe(302)
  })
})
