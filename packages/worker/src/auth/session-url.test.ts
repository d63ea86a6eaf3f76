import { describe, expect, it } from 'vitest'
import { NimbusAuthError, mintAndAttach, sessionAttachUrl, verifyNimbusToken } from './index.js'
import { NOW, env } from './testing/tokens.js'

describe('sessionAttachUrl', () => {
  it.each([
    ['https://my-nimbus.workers.dev', 'https://my-nimbus.workers.dev/s/pretty-otter-1234/?nimbus_token=T.k-n_'],
    ['https://my-nimbus.workers.dev/', 'https://my-nimbus.workers.dev/s/pretty-otter-1234/?nimbus_token=T.k-n_'],
    ['http://127.0.0.1:8787/base', 'http://127.0.0.1:8787/base/s/pretty-otter-1234/?nimbus_token=T.k-n_'],
    ['https://h.example/base/?x=1#frag', 'https://h.example/base/s/pretty-otter-1234/?nimbus_token=T.k-n_'],
  ])('%s → %s', (endpoint, url) => {
    expect(sessionAttachUrl(endpoint, 'pretty-otter-1234', 'T.k-n_')).toBe(url)
  })

  it('encodes the token as a query value', () => {
    const url = new URL(sessionAttachUrl('https://h.example', 's', 'a+b&c=d'))
    expect(url.searchParams.get('nimbus_token')).toBe('a+b&c=d')
  })

  it.each([['../x'], [''], ['a/b'], ['x'.repeat(129)]])('refuses session id %j', (id) => {
    expect(() => sessionAttachUrl('https://h.example', id, 't')).toThrow(TypeError)
  })

  it('refuses a non-http endpoint and an empty token', () => {
    expect(() => sessionAttachUrl('not a url', 's', 't')).toThrow(TypeError)
    expect(() => sessionAttachUrl('javascript:alert(1)', 's', 't')).toThrow(TypeError)
    expect(() => sessionAttachUrl('https://h.example', 's', '')).toThrow(TypeError)
  })
})

describe('mintAndAttach', () => {
  it('mints a token pinned to the session and the matching URL', async () => {
    const { token, url } = await mintAndAttach(
      env,
      { tn: 'acme', sub: 'alice' },
      { endpoint: 'https://my-nimbus.workers.dev', sessionId: 'pretty-otter-1234', now: NOW },
    )
    expect(url).toBe(`https://my-nimbus.workers.dev/s/pretty-otter-1234/?nimbus_token=${token}`)
    const { claims, doInstanceName } = await verifyNimbusToken(env, token, { sessionId: 'pretty-otter-1234', now: NOW })
    expect(claims.sid).toBe('pretty-otter-1234')
    expect(doInstanceName).toBe('acme:alice')
    await expect(verifyNimbusToken(env, token, { sessionId: 'other', now: NOW })).rejects.toMatchObject({
      code: 'E_SESSION_PIN_MISMATCH',
    })
  })

  it('honours ttlMs and refuses a conflicting sid', async () => {
    const { token } = await mintAndAttach(env, { tn: 'acme' }, { endpoint: 'https://h.example', sessionId: 's', ttlMs: 60_000, now: NOW })
    const { claims } = await verifyNimbusToken(env, token, { now: NOW })
    expect(claims.exp - claims.iat).toBe(60)
    await expect(
      mintAndAttach(env, { tn: 'acme', sid: 'a' }, { endpoint: 'https://h.example', sessionId: 'b' }),
    ).rejects.toMatchObject({ code: 'E_SESSION_PIN_MISMATCH' })
  })

  it('fails with typed errors for missing config and bad input', async () => {
    await expect(mintAndAttach({}, { tn: 'acme' }, { endpoint: 'https://h.example', sessionId: 's' })).rejects.toBeInstanceOf(
      NimbusAuthError,
    )
    await expect(mintAndAttach(env, { tn: 'acme' }, { endpoint: 'nope', sessionId: 's' })).rejects.toBeInstanceOf(TypeError)
    await expect(mintAndAttach(env, { tn: 'acme' }, { endpoint: 'https://h.example', sessionId: '' })).rejects.toBeInstanceOf(TypeError)
  })
})
