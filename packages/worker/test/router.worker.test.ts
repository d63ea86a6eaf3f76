import { createExecutionContext, env, SELF, waitOnExecutionContext } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { createNimbusHandler } from '../src/router/handler.js'
import { SESSION_ID_RE } from '../src/router/session-id.js'

const get = (path: string, init?: RequestInit) => SELF.fetch(`http://nimbus.test${path}`, { redirect: 'manual', ...init })

describe('router', () => {
  it('GET /new redirects to a fresh, valid session URL', async () => {
    const a = await get('/new')
    const b = await get('/new')
    expect(a.status).toBe(302)
    const path = new URL(a.headers.get('location') ?? '').pathname
    const id = /^\/s\/([^/]+)\/$/.exec(path)?.[1] ?? ''
    expect(id).toMatch(SESSION_ID_RE)
    expect(b.headers.get('location')).not.toBe(a.headers.get('location'))
  })

  it.each([
    ['/s/a%20b/', 'a space'],
    [`/s/${'x'.repeat(129)}/`, 'too long'],
    ['/s/a%2Fb/ws', 'an encoded slash'],
    ['/s/..%2F/', 'dot-dot'],
    ['/s/%E2%9C%93/', 'non-ASCII'],
  ])('a bad session id (%s: %s) is 400 JSON', async (path) => {
    const res = await get(path)
    expect(res.status).toBe(400)
    expect(await res.json()).toMatchObject({ ok: false, code: 'E_INVALID_SESSION_ID' })
  })

  it('unknown /api routes are 404 JSON', async () => {
    const res = await get('/api/nope')
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toContain('application/json')
    expect(await res.json()).toMatchObject({ ok: false, code: 'E_NOT_FOUND' })
  })

  it('a body over the limit is 413 JSON', async () => {
    const res = await get('/api/anything', { method: 'POST', body: new Uint8Array(8 * 1024 * 1024 + 1) })
    expect(res.status).toBe(413)
    expect(await res.json()).toMatchObject({ ok: false, code: 'E_BODY_TOO_LARGE' })
  })

  it('a session URL without its trailing slash redirects', async () => {
    const res = await get('/s/my-box')
    expect(res.status).toBe(308)
    expect(new URL(res.headers.get('location') ?? '').pathname).toBe('/s/my-box/')
  })

  it('the socket route needs a WebSocket upgrade', async () => {
    const res = await get('/s/my-box/ws')
    expect(res.status).toBe(426)
    expect(await res.json()).toMatchObject({ code: 'E_UPGRADE_REQUIRED' })
  })

  it('custom routes run first and may pass with null', async () => {
    const seen: string[] = []
    const handler = createNimbusHandler({
      routes: (req) => {
        const { pathname } = new URL(req.url)
        seen.push(pathname)
        return pathname === '/healthz' ? new Response('ok') : null
      },
    })
    const ctx = createExecutionContext()
    const health = await handler.fetch(new Request('http://nimbus.test/healthz'), env, ctx)
    expect(await health.text()).toBe('ok')
    const other = await handler.fetch(new Request('http://nimbus.test/api/x'), env, ctx)
    expect(other.status).toBe(404)
    await waitOnExecutionContext(ctx)
    expect(seen).toEqual(['/healthz', '/api/x'])
  })

  it('onSessionStart runs when a terminal attaches', async () => {
    const calls: { sessionId: string; tenantSegment: string }[] = []
    const handler = createNimbusHandler({
      hooks: { onSessionStart: ({ sessionId, tenantSegment }) => void calls.push({ sessionId, tenantSegment }) },
    })
    const ctx = createExecutionContext()
    const res = await handler.fetch(new Request('http://nimbus.test/s/hooked/ws', { headers: { upgrade: 'websocket' } }), env, ctx)
    expect(res.status).toBe(101)
    res.webSocket?.accept()
    res.webSocket?.close()
    await waitOnExecutionContext(ctx)
    expect(calls).toEqual([{ sessionId: 'hooked', tenantSegment: 'legacy:public:_' }])
  })
})
