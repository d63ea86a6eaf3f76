/**
 * The remote sandbox API end to end inside workerd: `Nimbus.connect` → `POST
 * /api/nimbus/v1/sandboxes/<id>/rpc` through `createNimbusHandler({ sdk: { remote } })` →
 * the sandbox's Durable Object. Auth, scopes, the `sdk.remote` options, body limits, bytes
 * on the wire and the error envelope.
 */
import { createExecutionContext, waitOnExecutionContext } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { defineNimbusConfig } from '@nimbus-sh/config'
import { Nimbus, NimbusRemoteError } from '@nimbus-sh/sdk/sandbox'
import { issueNimbusToken } from '../src/auth/index.js'
import { createNimbusHandler } from '../src/router/handler.js'
import type { NimbusHandlerOptions } from '../src/router/options.js'
import { MAX_BODY_BYTES } from '../src/router/options.js'
import { ORIGIN, SECRET, testEnv, type Vars } from './auth-helpers.js'

const config = defineNimbusConfig({
  endpoint: ORIGIN,
  sandboxes: { default: { root: '/home/user' }, narrow: { root: '/home/user/app', runtimes: { allow: ['shell'] } } },
})
const vars: Vars = { JWT_SECRET: SECRET }

/** A fetch that sends requests through the handler instead of the network. */
function handlerFetch(options: NimbusHandlerOptions, v: Vars = vars): typeof fetch {
  const handler = createNimbusHandler(options)
  return (async (input: RequestInfo | URL, init?: RequestInit) => {
    const ctx = createExecutionContext()
    const res = await handler.fetch(new Request(input, init), testEnv(v), ctx)
    await waitOnExecutionContext(ctx)
    return res
  }) as typeof fetch
}

const remote = (token?: string, options: NimbusHandlerOptions = { sdk: { remote: true, config } }, v: Vars = vars) =>
  Nimbus.connect({ endpoint: ORIGIN, config, fetch: handlerFetch(options, v), ...(token !== undefined && { token }) })

async function remoteError(p: Promise<unknown>): Promise<{ status: number; code: string; message: string }> {
  try {
    await p
  } catch (e) {
    if (e instanceof NimbusRemoteError) return { status: e.status, code: e.code, message: e.message }
    throw e
  }
  throw new Error('expected a NimbusRemoteError')
}

let n = 0
const id = () => `remote-${++n}-${Date.now()}`

describe('Nimbus.connect', () => {
  it('drives a sandbox over HTTP with a sandbox:use token', async () => {
    const token = await issueNimbusToken(vars, { tn: 'acme', sub: 'bot', scopes: ['sandbox:use'] })
    const box = remote(token).sandbox(id())
    expect(await box.exec('echo hi')).toMatchObject({ stdout: 'hi\n', exitCode: 0 })
    const bytes = new Uint8Array(300).map((_, i) => i % 256)
    await box.files.write('bin/data', bytes)
    expect(await box.files.read('bin/data', { encoding: 'binary' })).toEqual(bytes)
    expect(await box.exec('wc -c < bin/data')).toMatchObject({ stdout: '300\n' })
    const port = await box.ports.expose(8080)
    expect(port.url).toBe(`${ORIGIN}/s/${box.id}/port/8080/`)
  })

  it('reaches the same sandbox as DO RPC under the token tenant', async () => {
    const token = await issueNimbusToken(vars, { tn: 'acme', sub: 'bot' })
    const sid = id()
    await remote(token).sandbox(sid).files.write('x.txt', 'from remote')
    const other = await issueNimbusToken(vars, { tn: 'zeta' })
    expect(await remoteError(remote(other).sandbox(sid).files.read('x.txt'))).toMatchObject({ status: 404, code: 'ENOENT' })
    expect(await remote(token).sandbox(sid).files.read('x.txt')).toBe('from remote')
  })

  it('answers errors as { ok: false, error, code } with their status', async () => {
    const token = await issueNimbusToken(vars, { tn: 'acme' })
    const box = remote(token).sandbox(id())
    expect(await remoteError(box.call('nope'))).toMatchObject({ status: 404, code: 'E_METHOD_UNKNOWN' })
    const bad = await remoteError(box.call('files.write', { path: 'a', content: 5 }))
    expect(bad).toMatchObject({ status: 400, code: 'E_INVALID_PARAMS' })
    expect(bad.message).toContain('params.content')
    expect(await remoteError(box.files.read('missing'))).toMatchObject({ status: 404, code: 'ENOENT' })
    expect(await box.exec('sleep 10', { timeoutMs: 50 })).toMatchObject({ exitCode: 124 })
    expect(await box.exec('echo alive')).toMatchObject({ stdout: 'alive\n' })
  })

  it('uses the server profile: the caller may narrow the root but not widen it', async () => {
    const token = await issueNimbusToken(vars, { tn: 'acme' })
    const nimbus = remote(token)
    expect(await nimbus.sandbox(id(), { profile: 'narrow' }).exec('pwd')).toMatchObject({ stdout: '/home/user/app\n' })
    expect(await nimbus.sandbox(id(), { root: '/home/user/app/sub' }).exec('pwd')).toMatchObject({ stdout: '/home/user/app/sub\n' })
    expect(await remoteError(nimbus.sandbox(id(), { profile: 'narrow', root: '/etc' }).exec('pwd'))).toMatchObject({ status: 403, code: 'E_PATH_OUTSIDE_ROOT' })
    expect(await remoteError(nimbus.sandbox(id(), { profile: 'narrow' }).runtimes.install('node'))).toMatchObject({ status: 403, code: 'E_RUNTIME_NOT_ALLOWED' })
  })

  it('needs a token with the sandbox:use scope', async () => {
    expect(await remoteError(remote().sandbox(id()).exec('true'))).toMatchObject({ status: 401, code: 'E_TOKEN_MALFORMED' })
    const attachOnly = await issueNimbusToken(vars, { tn: 'acme', scopes: ['session:attach'] })
    expect(await remoteError(remote(attachOnly).sandbox(id()).exec('true'))).toMatchObject({ status: 403, code: 'E_SCOPE_MISSING' })
    const pinned = await issueNimbusToken(vars, { tn: 'acme', sid: 'one-box' })
    expect(await remote(pinned).sandbox('one-box').exec('echo pinned')).toMatchObject({ stdout: 'pinned\n' })
    expect(await remoteError(remote(pinned).sandbox('another-box').exec('true'))).toMatchObject({ status: 403, code: 'E_SESSION_PIN_MISMATCH' })
  })

  it('is off unless sdk.remote enables it, and honours basePath and allowLegacy', async () => {
    const token = await issueNimbusToken(vars, { tn: 'acme' })
    expect(await remoteError(remote(token, {}).sandbox(id()).exec('true'))).toMatchObject({ status: 404, code: 'E_NOT_FOUND' })
    expect(await remoteError(remote(token, { sdk: { remote: { enabled: false }, config } }).sandbox(id()).exec('true'))).toMatchObject({ status: 404 })

    const custom = Nimbus.connect({ endpoint: ORIGIN, token, basePath: '/rpc/v2', fetch: handlerFetch({ sdk: { remote: { basePath: '/rpc/v2' }, config } }) })
    expect(await custom.sandbox(id()).exec('echo custom')).toMatchObject({ stdout: 'custom\n' })

    const legacy = { sdk: { remote: true, config } } satisfies NimbusHandlerOptions
    expect(await remoteError(remote(undefined, legacy, {}).sandbox(id()).exec('true'))).toMatchObject({ status: 403, code: 'E_REMOTE_LEGACY_DISABLED' })
    const allowed = { sdk: { remote: { enabled: true, allowLegacy: true }, config } } satisfies NimbusHandlerOptions
    expect(await remote(undefined, allowed, {}).sandbox(id()).exec('echo legacy')).toMatchObject({ stdout: 'legacy\n' })
  })

  it('refuses bodies over the limit with 413 and malformed bodies with 400', async () => {
    const token = await issueNimbusToken(vars, { tn: 'acme' })
    const send = handlerFetch({ sdk: { remote: true, config } })
    const url = `${ORIGIN}/api/nimbus/v1/sandboxes/${id()}/rpc`
    const headers = { authorization: `Bearer ${token}`, 'content-type': 'application/json' }
    const huge = JSON.stringify({ method: 'files.write', params: { path: 'big', content: 'x'.repeat(MAX_BODY_BYTES) } })
    const tooBig = await send(url, { method: 'POST', headers, body: huge })
    expect(tooBig.status).toBe(413)
    expect(await tooBig.json()).toMatchObject({ ok: false, code: 'E_BODY_TOO_LARGE' })
    // Without a Content-Length the limit still holds while reading.
    const stream = new Blob([huge]).stream()
    const streamed = await send(url, { method: 'POST', headers, body: stream, duplex: 'half' } as RequestInit)
    expect(streamed.status).toBe(413)
    const junk = await send(url, { method: 'POST', headers, body: '{not json' })
    expect(junk.status).toBe(400)
    expect(await junk.json()).toMatchObject({ ok: false, code: 'E_INVALID_JSON' })
    const ok = await send(url, { method: 'POST', headers, body: JSON.stringify({ method: 'exec', params: { command: 'echo raw' } }) })
    expect(await ok.json()).toMatchObject({ ok: true, result: { stdout: 'raw\n', exitCode: 0 } })
  })

  it('guards port routes with session:attach', async () => {
    const token = await issueNimbusToken(vars, { tn: 'acme', sub: 'web' })
    const sid = id()
    const box = remote(token).sandbox(sid)
    await box.files.write('index.html', 'port page')
    const p = await box.startProcess('serve . --port 5173')
    await box.ports.expose(5173)
    const send = handlerFetch({})
    for (let i = 0; i < 50 && !(await box.ports.list()).some((x) => x.listening); i++) await new Promise((r) => setTimeout(r, 10))
    expect((await send(`${ORIGIN}/s/${sid}/port/5173/`)).status).toBe(401)
    const page = await send(`${ORIGIN}/s/${sid}/port/5173/`, { headers: { authorization: `Bearer ${token}` } })
    expect(page.status).toBe(200)
    expect(await page.text()).toBe('port page')
    const noAttach = await issueNimbusToken(vars, { tn: 'acme', sub: 'web', scopes: ['sandbox:use'] })
    expect((await send(`${ORIGIN}/s/${sid}/port/5173/`, { headers: { authorization: `Bearer ${noAttach}` } })).status).toBe(403)
    expect((await send(`${ORIGIN}/s/${sid}/port/99999/`, { headers: { authorization: `Bearer ${token}` } })).status).toBe(400)
    await box.processes.kill(p.pid)
  })
})
