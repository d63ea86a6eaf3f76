import { describe, expect, it } from 'vitest'
import { CloudflareApi } from './api.js'
import { CloudflareApiError, CloudflareNetworkError } from './errors.js'
import { createBucket, encodeObjectKey, listBuckets } from './r2.js'

type Handler = (url: URL, init: RequestInit) => Response | Promise<Response>

function apiWith(handler: Handler): { api: CloudflareApi; calls: URL[] } {
  const calls: URL[] = []
  const fake = (async (input: string | URL | Request, init?: RequestInit) => {
    const url = new URL(input instanceof Request ? input.url : input)
    calls.push(url)
    return handler(url, init ?? {})
  }) as typeof fetch
  return { api: new CloudflareApi({ token: 't', baseUrl: 'https://cf.test/client/v4/', fetch: fake }), calls }
}

const envelope = (body: object, status = 200) => new Response(JSON.stringify({ errors: [], messages: [], ...body }), { status })

describe('CloudflareApi', () => {
  it('sends the bearer token and unwraps result and result_info', async () => {
    let auth: string | null = null
    const { api, calls } = apiWith((_url, init) => {
      auth = new Headers(init.headers).get('authorization')
      return envelope({ success: true, result: { id: 'x' }, result_info: { cursor: 'c' } })
    })
    expect(await api.request('GET', '/user/tokens/verify', { query: { a: '1', b: undefined } })).toEqual({ result: { id: 'x' }, resultInfo: { cursor: 'c' } })
    expect(auth).toBe('Bearer t')
    expect(calls[0]?.href).toBe('https://cf.test/client/v4/user/tokens/verify?a=1')
  })

  it('turns success:false, non-JSON bodies and thrown fetches into typed errors', async () => {
    const failing = apiWith(() => envelope({ success: false, errors: [{ code: 10042, message: 'Please enable R2' }] }, 403)).api
    const err = await failing.request('GET', '/x').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(CloudflareApiError)
    expect((err as CloudflareApiError).has(10042)).toBe(true)
    expect((err as CloudflareApiError).status).toBe(403)
    expect((err as Error).message).toBe('Please enable R2 (Cloudflare error 10042)')

    const html = apiWith(() => new Response('<html>502 Bad Gateway</html>', { status: 502 })).api
    await expect(html.request('GET', '/x')).rejects.toThrow(/HTTP 502: the response is not JSON \(<html>502 Bad Gateway/)

    const down = apiWith(() => {
      throw new TypeError('fetch failed', { cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }) })
    }).api
    const net = await down.request('GET', '/x').catch((e: unknown) => e)
    expect(net).toBeInstanceOf(CloudflareNetworkError)
    expect((net as Error).message).toBe('could not reach the Cloudflare API at https://cf.test/client/v4 (ECONNREFUSED)')
  })
})

describe('R2 calls', () => {
  it('lists across cursor pages', async () => {
    const { api, calls } = apiWith((url) => {
      const cursor = url.searchParams.get('cursor')
      return cursor === null
        ? envelope({ success: true, result: { buckets: [{ name: 'a' }] }, result_info: { cursor: 'p2' } })
        : envelope({ success: true, result: { buckets: [{ name: 'b' }] }, result_info: {} })
    })
    expect((await listBuckets(api, 'acct')).map((b) => b.name)).toEqual(['a', 'b'])
    expect(calls.map((c) => c.searchParams.get('cursor'))).toEqual([null, 'p2'])
  })

  it('treats "already exists" (10004) as existing and encodes object keys per segment', async () => {
    const { api } = apiWith(() => envelope({ success: false, errors: [{ code: 10004, message: 'exists' }] }, 409))
    expect(await createBucket(api, 'acct', 'b')).toBe('existing')
    expect(encodeObjectKey('py/a b/c#d.wasm')).toBe('py/a%20b/c%23d.wasm')
  })
})
