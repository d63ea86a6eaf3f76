import { describe, expect, it } from 'vitest'
import { Nimbus } from '../sandbox.js'
import { NimbusRemoteError } from './errors.js'
import { decodeWire, encodeWire } from './wire.js'

interface Sent {
  url: string
  headers: Headers
  body: unknown
}

/** A stand-in server: records requests and answers with `reply(body)`. */
function server(reply: (body: { method: string; params: unknown }) => Response): { fetch: typeof fetch; sent: Sent[] } {
  const sent: Sent[] = []
  const f = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const body = JSON.parse(String(init?.body)) as { method: string; params: unknown }
    sent.push({ url: String(input), headers: new Headers(init?.headers), body })
    return reply(body)
  }) as typeof fetch
  return { fetch: f, sent }
}

describe('Nimbus.connect over HTTP', () => {
  it('posts { method, params, profile } with a bearer token to the rpc route', async () => {
    const s = server(() => Response.json({ ok: true, result: { stdout: 'hi\n', stderr: '', exitCode: 0, durationMs: 1 } }))
    let mints = 0
    const nimbus = Nimbus.connect({ endpoint: 'https://n.example/', token: async () => `tok-${++mints}`, fetch: s.fetch })
    expect(await nimbus.sandbox('box-1').exec('echo hi', { timeoutMs: 5 })).toMatchObject({ stdout: 'hi\n' })
    expect(s.sent[0]?.url).toBe('https://n.example/api/nimbus/v1/sandboxes/box-1/rpc')
    expect(s.sent[0]?.headers.get('authorization')).toBe('Bearer tok-1')
    expect(s.sent[0]?.body).toEqual({ method: 'exec', params: { command: 'echo hi', timeoutMs: 5 }, profile: 'default' })
  })

  it('throws NimbusRemoteError with the status and code of the reply', async () => {
    const s = server(() => Response.json({ ok: false, error: 'nope', code: 'E_SCOPE_MISSING' }, { status: 403 }))
    const err = await Nimbus.connect({ endpoint: 'https://n.example', fetch: s.fetch }).sandbox('b').exec('x').catch((e: unknown) => e)
    expect(err).toBeInstanceOf(NimbusRemoteError)
    expect(err).toMatchObject({ status: 403, code: 'E_SCOPE_MISSING', message: 'nope' })
    const html = server(() => new Response('<html>bad gateway</html>', { status: 502 }))
    const bad = await Nimbus.connect({ endpoint: 'https://n.example', fetch: html.fetch }).sandbox('b').exec('x').catch((e: unknown) => e)
    expect(bad).toMatchObject({ status: 502, code: 'E_BAD_RESPONSE' })
    const down = (async () => {
      throw new TypeError('fetch failed')
    }) as typeof fetch
    const offline = await Nimbus.connect({ endpoint: 'https://n.example', fetch: down }).sandbox('b').exec('x').catch((e: unknown) => e)
    expect(offline).toBeInstanceOf(NimbusRemoteError)
    expect(offline).toMatchObject({ status: 0, code: 'E_NETWORK' })
  })

  it('reports a Durable Object that fails to answer as E_SANDBOX_UNAVAILABLE', async () => {
    const namespace = {
      idFromName: (name: string) => name,
      get: () => ({ rpc: async () => Promise.reject(new Error('object reset')) }),
    }
    const err = await Nimbus.fromEnv({ NIMBUS_SESSION: namespace }).sandbox('b').exec('x').catch((e: unknown) => e)
    expect(err).toMatchObject({ status: 503, code: 'E_SANDBOX_UNAVAILABLE', name: 'NimbusSandboxError' })
  })

  it('batches quick calls issued together and settles each on its own', async () => {
    const s = server((body) => {
      const calls = (body.params as { calls: Array<{ method: string; params: { path: string } }> }).calls
      return Response.json({
        ok: true,
        result: calls.map((c) => (c.params.path === 'missing' ? { ok: false, error: 'ENOENT: missing', code: 'ENOENT', status: 404 } : { ok: true, result: `read ${c.params.path}` })),
      })
    })
    const box = Nimbus.connect({ endpoint: 'https://n.example', fetch: s.fetch }).sandbox('b')
    const got = await Promise.allSettled([box.files.read('a'), box.files.read('missing'), box.files.read('c')])
    expect(s.sent).toHaveLength(1)
    expect(s.sent[0]?.body).toMatchObject({ method: 'batch' })
    expect(got[0]).toEqual({ status: 'fulfilled', value: 'read a' })
    expect(got[1]).toMatchObject({ status: 'rejected', reason: { code: 'ENOENT', status: 404 } })
    expect((got[1] as PromiseRejectedResult).reason).toBeInstanceOf(NimbusRemoteError)
    expect(got[2]).toEqual({ status: 'fulfilled', value: 'read c' })
  })
})

describe('wire codec', () => {
  it('round-trips bytes nested in JSON', () => {
    const value = { a: new Uint8Array([0, 255, 7]), list: [new Uint8Array(70_000).fill(9)], s: 'x' }
    const json = JSON.parse(JSON.stringify(encodeWire(value))) as unknown
    expect(decodeWire(json)).toEqual(value)
  })
})
