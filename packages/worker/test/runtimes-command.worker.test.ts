/**
 * The `runtimes` command and the shell's runtime policy in workerd: what the terminal
 * installs, the SDK's `box.runtimes.installed()` reports for the same sandbox (one manager,
 * one record), a failed install says which runtime and why, and a terminal opened through
 * a handler with `sdk.config` runs under its `default` profile.
 */
import { createExecutionContext, env, waitOnExecutionContext } from 'cloudflare:test'
import { afterAll, describe, expect, it } from 'vitest'
import { defineNimbusConfig } from '@nimbus-sh/config'
import { Nimbus } from '@nimbus-sh/sdk/sandbox'
import { createNimbusHandler } from '../src/router/handler.js'
import { registerRuntime } from '../src/runtimes/registry.js'
import { ORIGIN } from './auth-helpers.js'
import { openTerminal } from './terminal-client.js'

// The test Worker has no runtime assets, so no real runtime installs here; a stand-in
// provider for git (a runtime name this build has no provider for) goes through the same manager.
let gitInstalls = 0
const unregister = registerRuntime({
  id: 'git',
  async install() {
    gitInstalls++
  },
  isInstalled: () => false,
})
afterAll(() => unregister())

const PROMPT = 'user@nimbus:~$ '
const count = (s: string, sub: string) => s.split(sub).length - 1
let n = 0
const freshId = (what: string) => `rt-${what}-${++n}-${Date.now()}`
const box = (id: string) => Nimbus.fromEnv(env, defineNimbusConfig({ endpoint: ORIGIN, sandboxes: { default: { root: '/home/user' } } })).sandbox(id)

describe('runtimes in the terminal and the SDK', () => {
  it('an install typed in the terminal is what box.runtimes.installed() reports', async () => {
    const id = freshId('shared')
    const t = await openTerminal(id)
    await t.waitFor((s) => s.includes(PROMPT), 'the prompt')
    t.type('runtimes install git\r')
    await t.waitFor((s) => s.includes('git installed\r\n') && count(s, PROMPT) >= 2, 'the install')
    expect(gitInstalls).toBe(1)
    expect(await box(id).runtimes.installed()).toEqual(['git', 'shell'])
    t.type('runtimes installed\r')
    await t.waitFor((s) => s.includes('\r\ngit\r\nshell\r\n'), 'the installed list')
    t.close()
  })

  it('the terminal lists what the SDK installed', async () => {
    const id = freshId('sdk-first')
    expect(await box(id).runtimes.install('git')).toEqual(['git', 'shell'])
    const r = await box(id).exec('runtimes list')
    expect(r.exitCode).toBe(0)
    expect(r.stdout).toContain('* git')
    expect(r.stdout).toContain('* shell')
  })

  it('a failed install names the runtime and the reason, records nothing, and can be retried', async () => {
    const sandbox = box(freshId('fail'))
    // LOADER is bound but there are no esbuild assets (no ASSETS, no runtime cache).
    const r = await sandbox.exec('runtimes install node')
    expect(r.exitCode).toBe(1)
    expect(r.stderr).toMatch(/^Installing node…\nruntimes: installing "node" failed: .+/)
    expect(await sandbox.runtimes.installed()).toEqual(['shell'])
    expect((await sandbox.exec('runtimes install node')).stderr).toMatch(/installing "node" failed/)
  })
})

describe('the terminal under the default profile of sdk.config', () => {
  const handler = createNimbusHandler({
    sdk: { config: defineNimbusConfig({ sandboxes: { default: { root: '/home/user', runtimes: { allow: ['shell', 'node'] } } } }) },
  })

  it('refuses a runtime the profile does not allow, with status 126', async () => {
    const ctx = createExecutionContext()
    const res = await handler.fetch(new Request(`http://nimbus.test/s/${freshId('policy')}/ws`, { headers: { upgrade: 'websocket' } }), env, ctx)
    await waitOnExecutionContext(ctx)
    expect(res.status).toBe(101)
    const ws = res.webSocket as WebSocket
    ws.accept()
    let screen = ''
    ws.addEventListener('message', (ev) => {
      const m = JSON.parse(String(ev.data)) as { t: string; d?: string }
      if (m.t === 'o' || m.t === 'h') screen += m.d ?? ''
    })
    const waitFor = async (pred: (s: string) => boolean, what: string) => {
      for (let i = 0; i < 500 && !pred(screen); i++) await new Promise((r) => setTimeout(r, 10))
      if (!pred(screen)) throw new Error(`timed out waiting for ${what}; screen:\n${screen}`)
    }
    await waitFor((s) => s.includes(PROMPT), 'the prompt')
    ws.send(JSON.stringify({ t: 'i', d: 'python3 -c "print(1)"; echo "rc=$?"\r' }))
    // The typed line echoes `rc=$?`; the status line reads `rc=<n>`.
    await waitFor((s) => /rc=\d/.test(s) && count(s, PROMPT) >= 2, 'the status')
    expect(screen).toContain('python3: runtime "python" is not allowed by this sandbox profile (allowed: shell, node)\r\n')
    expect(screen).toContain('rc=126\r\n')
    ws.send(JSON.stringify({ t: 'i', d: 'runtimes install ruby; echo "rc=$?"\r' }))
    await waitFor((s) => count(s, PROMPT) >= 3, 'the second status')
    expect(screen).toContain('runtimes: runtime "ruby" is not allowed by this sandbox profile (allowed: shell, node)\r\n')
    expect(count(screen, 'rc=126')).toBe(2)
    ws.close(1000)
  })
})
