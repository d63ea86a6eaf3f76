import { describe, expect, it } from 'vitest'
import { callSandbox } from './methods.js'
import { testSandbox } from './testing.js'

describe('callSandbox', () => {
  it('answers an unknown method with E_METHOD_UNKNOWN', async () => {
    const { svc, ctx } = testSandbox()
    expect(await callSandbox(svc, ctx, 'files.explode', {})).toMatchObject({ ok: false, code: 'E_METHOD_UNKNOWN', status: 404 })
    expect(await callSandbox(svc, ctx, 'constructor', {})).toMatchObject({ ok: false, code: 'E_METHOD_UNKNOWN' })
  })

  it('names the field of a wrongly typed param', async () => {
    const { svc, ctx } = testSandbox()
    const reply = await callSandbox(svc, ctx, 'exec', { command: 42 })
    expect(reply).toMatchObject({ ok: false, code: 'E_INVALID_PARAMS', status: 400 })
    expect(reply.ok === false && reply.error).toContain('params.command')
    const nested = await callSandbox(svc, ctx, 'exec', { command: 'true', env: { A: 1 } })
    expect(nested.ok === false && nested.error).toContain('params.env.A')
    const extra = await callSandbox(svc, ctx, 'files.read', { path: 'a', bogus: true })
    expect(extra.ok === false && extra.error).toContain('bogus')
  })

  it('reports a missing file as ENOENT', async () => {
    const { svc, ctx } = testSandbox()
    expect(await callSandbox(svc, ctx, 'files.read', { path: 'nope.txt' })).toMatchObject({ ok: false, code: 'ENOENT', status: 404 })
  })

  it('round-trips text and bytes', async () => {
    const { svc, ctx } = testSandbox()
    await callSandbox(svc, ctx, 'files.write', { path: 'app/a.txt', content: 'hello' })
    expect(await callSandbox(svc, ctx, 'files.read', { path: '/home/user/app/a.txt' })).toEqual({ ok: true, result: 'hello' })
    const bytes = new Uint8Array([0, 255, 1, 128])
    await callSandbox(svc, ctx, 'files.write', { path: 'b.bin', content: bytes })
    expect(await callSandbox(svc, ctx, 'files.read', { path: 'b.bin', encoding: 'binary' })).toEqual({ ok: true, result: bytes })
  })

  it('runs a batch in order with a reply per call', async () => {
    const { svc, ctx } = testSandbox()
    const reply = await callSandbox(svc, ctx, 'batch', {
      calls: [
        { method: 'files.write', params: { path: 'a', content: '1' } },
        { method: 'files.read', params: { path: 'missing' } },
        { method: 'files.write', params: { path: 'a', content: '2', append: true } },
        { method: 'files.read', params: { path: 'a' } },
        { method: 'batch', params: { calls: [] } },
      ],
    })
    expect(reply.ok).toBe(true)
    const results = (reply as { result: Array<{ ok: boolean; code?: string; result?: unknown }> }).result
    expect(results.map((r) => (r.ok ? 'ok' : r.code))).toEqual(['ok', 'ENOENT', 'ok', 'ok', 'E_INVALID_PARAMS'])
    expect(results[3]).toEqual({ ok: true, result: '12' })
    expect(await callSandbox(svc, ctx, 'batch', { calls: 'nope' })).toMatchObject({ ok: false, code: 'E_INVALID_PARAMS' })
  })
})
