/**
 * The README quickstarts run as written (examples are tests): the SDK's programmatic
 * sandbox quickstart, the worker README's programmatic sandbox route, and the worker
 * quickstart's `createNimbusHandler({ sdk: { remote: true, config } })` as the hosted demo
 * deploys it. Python needs its runtime provider and its assets (pyodide from ASSETS or
 * NIMBUS_RUNTIME_CACHE): where either is missing, the quickstarts fail with a typed error
 * (E_RUNTIME_UNAVAILABLE, E_RUNTIME_INSTALL_FAILED) instead of pretending.
 */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { defineNimbusConfig } from '@nimbus-sh/config'
import { Nimbus, NimbusRemoteError, NimbusSandboxError } from '@nimbus-sh/sdk/sandbox'
import { issueNimbusToken } from '../src/auth/index.js'
import { createNimbusHandler } from '../src/router/handler.js'
import { runtimeProvider } from '../src/runtimes/registry.js'
import { SECRET, testEnv } from './auth-helpers.js'
import sdkQuickstart from './quickstarts/sdk-sandbox.js'
import mintRoute from './quickstarts/mint-route.js'
import { pythonRoute } from './quickstarts/worker-routes.js'

const pythonReady = runtimeProvider('python') !== undefined && (env.ASSETS !== undefined || env.NIMBUS_RUNTIME_CACHE !== undefined)
const PYTHON_MISSING = runtimeProvider('python') === undefined ? 'E_RUNTIME_UNAVAILABLE' : 'E_RUNTIME_INSTALL_FAILED'

describe('quickstarts', () => {
  it('the custom mint route issues a token that verifies for the posted tenant and subject', async () => {
    const ctx = createExecutionContext()
    const mintEnv = testEnv({ JWT_SECRET: SECRET }) as unknown as Parameters<typeof mintRoute.fetch>[1]
    const res = await mintRoute.fetch(
      new Request('https://nimbus.test/api/auth/mint', { method: 'POST', body: JSON.stringify({ tenant: 'acme', sub: 'alice' }) }),
      mintEnv,
      ctx,
    )
    const { token } = (await res.json()) as { token: string }
    const { verifyNimbusToken } = await import('../src/auth/index.js')
    const { claims, doInstanceName } = await verifyNimbusToken({ JWT_SECRET: SECRET }, token)
    expect(claims).toMatchObject({ scope: 'nimbus', tn: 'acme', sub: 'alice' })
    expect(doInstanceName).toBe('acme:alice')
    const other = await mintRoute.fetch(new Request('https://nimbus.test/api/x'), mintEnv, ctx)
    expect(other.status).toBe(404)
    await waitOnExecutionContext(ctx)
  })

  it('the SDK quickstart writes the file and runs it with python (or says python is unavailable)', async () => {
    const run = sdkQuickstart.fetch(new Request('https://my-nimbus.workers.dev/'), env)
    if (pythonReady) {
      expect(await (await run).json()).toMatchObject({ stdout: '4\n', exitCode: 0 })
    } else {
      await expect(run).rejects.toMatchObject({ code: PYTHON_MISSING })
    }
    const box = Nimbus.fromEnv(env, { sandboxes: { default: {} } }).sandbox('job-123', { tenant: 'acme', subject: 'agent' })
    expect(await box.files.read('/home/user/app/main.py')).toBe('print(2 + 2)\n')
  })

  it('the programmatic sandbox route answers through createNimbusHandler', async () => {
    const ctx = createExecutionContext()
    const res = await pythonRoute.fetch(new Request('https://nimbus.test/api/run-python'), testEnv({}) as unknown as Parameters<typeof pythonRoute.fetch>[1], ctx)
    await waitOnExecutionContext(ctx)
    if (pythonReady) {
      expect(await res.json()).toMatchObject({ stdout: '4\n', exitCode: 0 })
    } else {
      expect(res.status).toBeGreaterThanOrEqual(500)
      expect(await res.json()).toMatchObject({ ok: false, code: PYTHON_MISSING })
    }
  })

  it('the worker quickstart serves the remote SDK with its config', async () => {
    const nimbusConfig = defineNimbusConfig({
      sandboxes: { default: { root: '/home/user', runtimes: { preinstall: ['python'], onDemand: true }, tools: { namespace: 'sandbox', kind: 'sandbox' } } },
    })
    const handler = createNimbusHandler({ sdk: { remote: true, config: nimbusConfig } })
    const vars = { JWT_SECRET: SECRET }
    const viaHandler = (async (input: RequestInfo | URL, init?: RequestInit) => {
      const ctx = createExecutionContext()
      const res = await handler.fetch(new Request(input, init), testEnv(vars), ctx)
      await waitOnExecutionContext(ctx)
      return res
    }) as typeof fetch
    const token = await issueNimbusToken(vars, { tn: 'acme', sub: 'alice', scopes: ['sandbox:use'] })
    const box = Nimbus.connect({ endpoint: 'https://nimbus.test', token, config: nimbusConfig, fetch: viaHandler }).sandbox('remote-quickstart')
    expect(await box.exec('echo $((2 + 2))')).toMatchObject({ stdout: '4\n', exitCode: 0 })
    const ready = box.ready()
    if (pythonReady) expect((await ready).installed).toContain('python')
    else await expect(ready).rejects.toSatisfy((e) => e instanceof NimbusRemoteError && e.code === PYTHON_MISSING)
    await expect(box.files.read('nope')).rejects.toBeInstanceOf(NimbusSandboxError)
  })
})
