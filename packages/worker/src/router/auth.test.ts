import { describe, expect, it } from 'vitest'
import { issueNimbusToken } from '../auth/token.js'
import { NimbusAuthError } from '../auth/errors.js'
import { NOW, OTHER_SECRET, SECRET } from '../auth/testing/tokens.js'
import {
  LEGACY_TENANT_SEGMENT,
  authenticate,
  effectiveAuthMode,
  findToken,
  legacyPublicSet,
  readCookie,
  tokenCookieRedirect,
  type AuthEnv,
  type AuthOptions,
} from './auth.js'

const env: AuthEnv = { JWT_SECRET: SECRET }
const mint = (claims: { tn: string; sub?: string; scopes?: string[]; sid?: string }) => issueNimbusToken(env, claims)

async function codeOf(p: Promise<unknown>): Promise<string> {
  try {
    await p
    return 'ok'
  } catch (e) {
    if (e instanceof NimbusAuthError) return e.code
    throw e
  }
}

describe('effectiveAuthMode', () => {
  it.each<[string, AuthEnv, AuthOptions | undefined, 'token' | 'legacy']>([
    ['auto, secret set', { JWT_SECRET: SECRET }, undefined, 'token'],
    ['auto, no secret', {}, undefined, 'legacy'],
    ['auto, empty secret', { JWT_SECRET: '' }, { mode: 'auto' }, 'legacy'],
    ['auto, secret + NIMBUS_LEGACY_PUBLIC=1', { JWT_SECRET: SECRET, NIMBUS_LEGACY_PUBLIC: '1' }, undefined, 'legacy'],
    ['auto, secret + NIMBUS_LEGACY_PUBLIC=true', { JWT_SECRET: SECRET, NIMBUS_LEGACY_PUBLIC: 'true' }, undefined, 'legacy'],
    ['auto, secret + NIMBUS_LEGACY_PUBLIC=0', { JWT_SECRET: SECRET, NIMBUS_LEGACY_PUBLIC: '0' }, undefined, 'token'],
    ['auto, secret + NIMBUS_LEGACY_PUBLIC empty', { JWT_SECRET: SECRET, NIMBUS_LEGACY_PUBLIC: '' }, undefined, 'token'],
    ['auto, secret + legacyPublic option', { JWT_SECRET: SECRET }, { legacyPublic: true }, 'legacy'],
    ['auto, malformed secret still verifies (and fails closed)', { JWT_SECRET: 'short' }, undefined, 'token'],
    ['enforce, no secret', {}, { mode: 'enforce' }, 'token'],
    ['enforce ignores NIMBUS_LEGACY_PUBLIC', { JWT_SECRET: SECRET, NIMBUS_LEGACY_PUBLIC: '1' }, { mode: 'enforce', legacyPublic: true }, 'token'],
    ['legacy, secret set', { JWT_SECRET: SECRET }, { mode: 'legacy' }, 'legacy'],
  ])('%s', (_what, e, opts, mode) => {
    expect(effectiveAuthMode(e, opts)).toBe(mode)
  })

  it('reads NIMBUS_LEGACY_PUBLIC leniently', () => {
    for (const v of ['1', 'yes', 'TRUE', 'on']) expect(legacyPublicSet(v)).toBe(true)
    for (const v of [undefined, '', ' 0 ', 'false', 'No', 'OFF']) expect(legacyPublicSet(v)).toBe(false)
  })
})

describe('authenticate', () => {
  const get = (path: string, headers: Record<string, string> = {}) => new Request(`https://n.example${path}`, { headers })

  it('legacy mode ignores tokens and shares one tenant', async () => {
    const ctx = await authenticate(get('/s/a/', { authorization: 'Bearer garbage' }), env, { mode: 'legacy' }, { sessionId: 'a' })
    expect(ctx).toEqual({ kind: 'legacy', tenantSegment: LEGACY_TENANT_SEGMENT })
    expect(LEGACY_TENANT_SEGMENT).toBe('legacy:public:_')
  })

  it('enforce mode without a secret fails closed with E_AUTH_CONFIG_MISSING, token or not', async () => {
    const token = await mint({ tn: 'acme' })
    expect(await codeOf(authenticate(get('/new'), {}, { mode: 'enforce' }, {}))).toBe('E_AUTH_CONFIG_MISSING')
    expect(await codeOf(authenticate(get('/new', { authorization: `Bearer ${token}` }), {}, { mode: 'enforce' }, {}))).toBe(
      'E_AUTH_CONFIG_MISSING',
    )
  })

  it('token mode without a token is E_TOKEN_MALFORMED', async () => {
    expect(await codeOf(authenticate(get('/s/a/'), env, undefined, { sessionId: 'a' }))).toBe('E_TOKEN_MALFORMED')
    expect(await codeOf(authenticate(get('/s/a/', { authorization: 'Bearer ' }), env, undefined, { sessionId: 'a' }))).toBe(
      'E_TOKEN_MALFORMED',
    )
  })

  it('accepts a bearer token and names the tenant', async () => {
    const token = await mint({ tn: 'acme', sub: 'alice' })
    const ctx = await authenticate(get('/new', { authorization: `bearer ${token}` }), env, undefined, { scope: 'session:create' })
    expect(ctx).toMatchObject({ kind: 'token', tenantSegment: 'acme:alice', source: 'bearer', claims: { tn: 'acme', sub: 'alice' } })
  })

  it('accepts the session cookie only on that session path', async () => {
    const token = await mint({ tn: 'acme' })
    const cookie = { cookie: `theme=dark; nimbus_token=${token}` }
    const ok = await authenticate(get('/s/a/ws', cookie), env, undefined, { sessionId: 'a', scope: 'session:attach' })
    expect(ok).toMatchObject({ kind: 'token', tenantSegment: 'acme:_', source: 'cookie' })
    expect(await codeOf(authenticate(get('/s/ab/ws', cookie), env, undefined, { sessionId: 'a' }))).toBe('E_TOKEN_MALFORMED')
    expect(await codeOf(authenticate(get('/api/x', cookie), env, undefined, {}))).toBe('E_TOKEN_MALFORMED')
  })

  it('accepts ?nimbus_token=, preferring it over a stale cookie', async () => {
    const fresh = await mint({ tn: 'acme', sub: 'new' })
    const stale = await issueNimbusToken(env, { tn: 'acme', sub: 'old' }, { ttlMs: 1000, now: NOW })
    const req = get(`/s/a/?nimbus_token=${fresh}`, { cookie: `nimbus_token=${stale}` })
    expect(await authenticate(req, env, undefined, { sessionId: 'a' })).toMatchObject({ tenantSegment: 'acme:new', source: 'query' })
    expect(await codeOf(authenticate(get('/s/a/', { cookie: `nimbus_token=${stale}` }), env, undefined, { sessionId: 'a' }))).toBe(
      'E_TOKEN_EXPIRED',
    )
  })

  it('bearer wins over the query and the cookie', async () => {
    const bearer = await mint({ tn: 'bearer' })
    const other = await mint({ tn: 'other' })
    const req = get(`/s/a/?nimbus_token=${other}`, { authorization: `Bearer ${bearer}`, cookie: `nimbus_token=${other}` })
    expect(findToken(req, 'a')).toEqual({ token: bearer, source: 'bearer' })
    expect((await authenticate(req, env, undefined, { sessionId: 'a' })).tenantSegment).toBe('bearer:_')
  })

  it('ignores other Authorization schemes', () => {
    expect(findToken(get('/x', { authorization: 'Basic dXNlcjpwYXNz' }))).toBeUndefined()
  })

  it('checks the scope and the session pin', async () => {
    const attachOnly = await mint({ tn: 'acme', scopes: ['session:attach'], sid: 'a' })
    const h = { authorization: `Bearer ${attachOnly}` }
    expect(await codeOf(authenticate(get('/s/a/ws', h), env, undefined, { sessionId: 'a', scope: 'session:attach' }))).toBe('ok')
    expect(await codeOf(authenticate(get('/new', h), env, undefined, { scope: 'session:create' }))).toBe('E_SCOPE_MISSING')
    expect(await codeOf(authenticate(get('/s/b/ws', h), env, undefined, { sessionId: 'b', scope: 'session:attach' }))).toBe(
      'E_SESSION_PIN_MISMATCH',
    )
  })

  it('refuses a pinned token on routes that name no session', async () => {
    const pinned = await mint({ tn: 'acme', sid: 'a' })
    const req = get('/new', { authorization: `Bearer ${pinned}` })
    expect(await codeOf(authenticate(req, env, undefined, { scope: 'session:create' }))).toBe('E_SESSION_PIN_MISMATCH')
  })

  it('verifies with the rotation secret too', async () => {
    const old = await mint({ tn: 'acme' })
    const rotated = { JWT_SECRET: OTHER_SECRET, JWT_SECRET_PREVIOUS: SECRET }
    expect(await codeOf(authenticate(get('/new', { authorization: `Bearer ${old}` }), rotated, undefined, {}))).toBe('ok')
    expect(await codeOf(authenticate(get('/new', { authorization: `Bearer ${old}` }), { JWT_SECRET: OTHER_SECRET }, undefined, {}))).toBe(
      'E_TOKEN_SIGNATURE',
    )
  })
})

describe('tokenCookieRedirect', () => {
  it('returns null without a nimbus_token param', () => {
    expect(tokenCookieRedirect(new Request('https://n.example/s/a/?x=1'), 'a', 't.t.t')).toBeNull()
  })

  it('moves the token into a session-scoped cookie and strips it from the URL', async () => {
    const token = await issueNimbusToken(env, { tn: 'acme' }, { ttlMs: 600_000, now: NOW })
    const res = tokenCookieRedirect(new Request(`https://n.example/s/pretty-otter-1/?a=1&nimbus_token=${token}&b=2`), 'pretty-otter-1', token, NOW)
    expect(res?.status).toBe(302)
    expect(res?.headers.get('location')).toBe('https://n.example/s/pretty-otter-1/?a=1&b=2')
    expect(res?.headers.get('set-cookie')).toBe(
      `nimbus_token=${token}; Path=/s/pretty-otter-1/; HttpOnly; SameSite=Strict; Secure; Max-Age=600`,
    )
    expect(res?.headers.get('cache-control')).toBe('no-store')
    expect(res?.headers.get('referrer-policy')).toBe('no-referrer')
  })

  it('omits Secure on plain http (local development)', async () => {
    const token = await mint({ tn: 'acme' })
    const res = tokenCookieRedirect(new Request(`http://127.0.0.1:8787/s/a/?nimbus_token=${token}`), 'a', token)
    expect(res?.headers.get('location')).toBe('http://127.0.0.1:8787/s/a/')
    const cookie = res?.headers.get('set-cookie') ?? ''
    expect(cookie).toMatch(/^nimbus_token=[\w.-]+; Path=\/s\/a\/; HttpOnly; SameSite=Strict; Max-Age=\d+$/)
    expect(cookie).not.toContain('Secure')
  })

  it('the cookie it sets authenticates the follow-up request', async () => {
    const token = await mint({ tn: 'acme', sub: 'alice' })
    const res = tokenCookieRedirect(new Request(`https://n.example/s/a/?nimbus_token=${token}`), 'a', token)
    const pair = (res?.headers.get('set-cookie') ?? '').split(';')[0] as string
    const next = new Request(res?.headers.get('location') ?? '', { headers: { cookie: pair } })
    expect(readCookie(next.headers.get('cookie'), 'nimbus_token')).toBe(token)
    expect((await authenticate(next, env, undefined, { sessionId: 'a', scope: 'session:attach' })).tenantSegment).toBe('acme:alice')
  })

  it('refuses to put anything but a compact JWS into a header', () => {
    const req = new Request('https://n.example/s/a/?nimbus_token=x')
    expect(() => tokenCookieRedirect(req, 'a', 'a\r\nSet-Cookie: evil=1')).toThrow(NimbusAuthError)
    expect(() => tokenCookieRedirect(req, '../a', 'a.b.c')).toThrow(TypeError)
  })
})
