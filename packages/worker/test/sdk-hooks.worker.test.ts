/**
 * Hooks and WebSockets around sandboxes: onSessionStart runs once per session start (the
 * first screen attaching), not once per tab, and onSessionEnd once when the last leaves; and a WebSocket under `/s/<id>/port/<n>/`
 * reaches the listener on that port inside the sandbox.
 */
import { createExecutionContext, env, runInDurableObject, waitOnExecutionContext } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { createNimbusHandler } from '../src/router/handler.js'
import { LEGACY_TENANT_SEGMENT } from '../src/router/auth.js'
import { SANDBOX_SERVICE } from '../src/session/nimbus-session.js'

const socket = async (handler: ReturnType<typeof createNimbusHandler>, path: string): Promise<WebSocket> => {
  const ctx = createExecutionContext()
  const res = await handler.fetch(new Request(`http://nimbus.test${path}`, { headers: { upgrade: 'websocket' } }), env, ctx)
  await waitOnExecutionContext(ctx)
  expect(res.status).toBe(101)
  const ws = res.webSocket as WebSocket
  ws.accept()
  return ws
}

const settle = () => new Promise((r) => setTimeout(r, 50))

describe('hooks', () => {
  it('onSessionStart runs once per session start, not per screen', async () => {
    const calls: string[] = []
    const handler = createNimbusHandler({ hooks: { onSessionStart: ({ sessionId, tenantSegment }) => void calls.push(`${tenantSegment}/${sessionId}`) } })
    const a = await socket(handler, '/s/hooked-twice/ws')
    const b = await socket(handler, '/s/hooked-twice/ws')
    expect(calls).toEqual([`${LEGACY_TENANT_SEGMENT}/hooked-twice`])
    a.close(1000)
    b.close(1000)
    await settle()
    const c = await socket(handler, '/s/hooked-twice/ws')
    expect(calls).toHaveLength(2)
    c.close(1000)
  })
})

describe('onSessionEnd', () => {
  it('runs once when the last screen leaves, with the session and tenant', async () => {
    const ended: { sessionId: string; tenantSegment: string; path: string }[] = []
    const handler = createNimbusHandler({
      hooks: { onSessionEnd: ({ sessionId, tenantSegment, request }) => void ended.push({ sessionId, tenantSegment, path: new URL(request.url).pathname }) },
    })
    const a = await socket(handler, '/s/ends-once/ws')
    const b = await socket(handler, '/s/ends-once/ws')
    a.close(1000)
    await settle()
    expect(ended).toEqual([])
    b.close(1000)
    for (let i = 0; i < 40 && ended.length === 0; i++) await settle()
    expect(ended).toEqual([{ sessionId: 'ends-once', tenantSegment: LEGACY_TENANT_SEGMENT, path: '/s/ends-once/ws' }])
    // Another start and end is another call.
    const c = await socket(handler, '/s/ends-once/ws')
    c.close(1000)
    for (let i = 0; i < 40 && ended.length === 1; i++) await settle()
    expect(ended).toHaveLength(2)
  })

  it("calls only the attaching handler's hook, and a client cannot pick another handler", async () => {
    const calls: string[] = []
    const first = createNimbusHandler({ hooks: { onSessionEnd: () => void calls.push('first') } })
    const second = createNimbusHandler({ hooks: { onSessionEnd: () => void calls.push('second') } })
    const ctx = createExecutionContext()
    const res = await second.fetch(
      new Request('http://nimbus.test/s/ends-mine/ws', { headers: { upgrade: 'websocket', 'x-nimbus-handler': '0', 'x-nimbus-session-id': 'other' } }),
      env,
      ctx,
    )
    await waitOnExecutionContext(ctx)
    const ws = res.webSocket as WebSocket
    ws.accept()
    ws.close(1000)
    for (let i = 0; i < 40 && calls.length === 0; i++) await settle()
    expect(calls).toEqual(['second'])
    void first
  })
})

describe('background processes', () => {
  it('keep an alarm pending while they run, so the session stays awake with no client', async () => {
    const stub = env.NIMBUS_SESSION.get(env.NIMBUS_SESSION.idFromName(`${LEGACY_TENANT_SEGMENT}:keepalive`))
    const call = (method: string, params: unknown) =>
      stub.rpc({ sandboxId: 'keepalive', profile: { root: '/home/user', tools: { namespace: 'sandbox', kind: 'sandbox' }, runtimes: { preinstall: [], onDemand: true, allow: ['shell'] } }, method, params })
    const started = (await call('startProcess', { command: 'sleep 30' })) as unknown as { ok: true; result: { pid: number } }
    await settle()
    expect(await runInDurableObject(stub, (_i, state) => state.storage.getAlarm())).not.toBeNull()
    await call('processes.kill', { pid: started.result.pid })
    // With nothing running, the alarm firing does not re-arm.
    await runInDurableObject(stub, async (instance, state) => {
      await state.storage.deleteAlarm()
      await instance.alarm()
      await new Promise((r) => setTimeout(r, 20))
      expect(await state.storage.getAlarm()).toBeNull()
    })
  })
})

describe('port WebSockets', () => {
  it('upgrades through the port route to the listener in the sandbox', async () => {
    const stub = env.NIMBUS_SESSION.get(env.NIMBUS_SESSION.idFromName(`${LEGACY_TENANT_SEGMENT}:ws-port`))
    await runInDurableObject(stub, (instance) => {
      const ports = instance[SANDBOX_SERVICE].ports
      ports.expose(9000)
      ports.listen(9000, (request) => {
        if (request.headers.get('upgrade') !== 'websocket') return new Response(`plain ${new URL(request.url).pathname}`)
        const { 0: client, 1: server } = new WebSocketPair()
        server.accept()
        server.addEventListener('message', (ev) => server.send(`echo:${String(ev.data)}`))
        return new Response(null, { status: 101, webSocket: client })
      })
    })
    const handler = createNimbusHandler()
    const ctx = createExecutionContext()
    const plain = await handler.fetch(new Request('http://nimbus.test/s/ws-port/port/9000/a/b?q=1'), env, ctx)
    expect(await plain.text()).toBe('plain /a/b')
    await runInDurableObject(stub, (instance) => {
      instance[SANDBOX_SERVICE].ports.unexpose(9000)
    })
    expect((await handler.fetch(new Request('http://nimbus.test/s/ws-port/port/9000/'), env, ctx)).status).toBe(502)
    await runInDurableObject(stub, (instance) => {
      instance[SANDBOX_SERVICE].ports.expose(9000)
    })
    const ws = await socket(handler, '/s/ws-port/port/9000/live')
    const got = new Promise<string>((resolve) => ws.addEventListener('message', (ev) => resolve(String(ev.data))))
    ws.send('ping')
    expect(await got).toBe('echo:ping')
    ws.close(1000)
  })
})
