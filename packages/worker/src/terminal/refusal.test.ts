import { describe, expect, it } from 'vitest'
import { askWhyRefused, httpUrlOf } from './refusal.js'

const answer = (status: number, body?: unknown) => async (url: string, init: RequestInit) => {
  seen.push({ url, init })
  return new Response(body === undefined ? 'not json' : JSON.stringify(body), { status })
}
const seen: Array<{ url: string; init: RequestInit }> = []

describe('askWhyRefused', () => {
  it('asks the socket URL over plain HTTP, with the cookie', async () => {
    expect(httpUrlOf('wss://h/s/a/ws?nimbus_token=t')).toBe('https://h/s/a/ws?nimbus_token=t')
    expect(httpUrlOf('ws://h/s/a/ws')).toBe('http://h/s/a/ws')
    await askWhyRefused('ws://h/s/a/ws', answer(426))
    expect(seen.at(-1)).toEqual({ url: 'http://h/s/a/ws', init: { credentials: 'same-origin', cache: 'no-store' } })
  })

  it('turns an auth refusal into a final close code with the server message and code', async () => {
    expect(await askWhyRefused('ws://h/s/a/ws', answer(401, { ok: false, error: 'Token expired', code: 'E_TOKEN_EXPIRED' }))).toEqual({
      code: 4401,
      reason: 'Token expired (E_TOKEN_EXPIRED)',
    })
    expect(await askWhyRefused('ws://h/s/a/ws', answer(403, { error: 'Token is for another session' }))).toEqual({ code: 4403, reason: 'Token is for another session' })
    expect(await askWhyRefused('ws://h/s/a/ws', answer(404))).toEqual({ code: 4404, reason: 'HTTP 404' })
  })

  it('leaves retryable answers alone: 426 (the socket is welcome), 429, 5xx, network failure', async () => {
    for (const status of [426, 429, 500, 502, 503]) expect(await askWhyRefused('ws://h/s/a/ws', answer(status, { error: 'x' }))).toBeUndefined()
    expect(await askWhyRefused('ws://h/s/a/ws', async () => Promise.reject(new TypeError('offline')))).toBeUndefined()
  })
})
