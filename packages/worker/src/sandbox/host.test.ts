import { describe, expect, it } from 'vitest'
import { runtimeHostFor } from '../runtimes/node/host.js'
import { nodeSqlStore } from '../vfs/testing.js'
import { SqliteVfs } from '../vfs/sqlite-vfs.js'
import { sandboxHostOf } from './host.js'
import { OPEN_POLICY, RuntimeManager } from './runtime-manager.js'
import { SandboxService } from './service.js'
import { testSandbox } from './testing.js'

const loader = { get: () => ({ getEntrypoint: () => ({}) }) }

describe('the services a sandbox binds to its filesystem', () => {
  it('attaches the runtime host from the env it was given, so commands need no global env', () => {
    const sql = nodeSqlStore()
    const fs = new SqliteVfs(sql)
    const assets = { fetch: async () => new Response('') }
    new SandboxService({ fs, sql, env: { LOADER: loader, ASSETS: assets, NIMBUS_NODE_CPU_MS: '250' } })
    expect(runtimeHostFor(fs)).toMatchObject({ loader, assets, cpuMs: 250 })
    // Programs' ports are bridged to the sandbox's own registry, not a separate one.
    expect(runtimeHostFor(fs)?.ports).toBeUndefined()
  })

  it('attaches no runtime host without a Worker Loader', () => {
    const { svc } = testSandbox()
    expect(runtimeHostFor(svc.fs)).toBeUndefined()
  })

  it('hands the shell the same runtime manager as the SDK', () => {
    const { svc } = testSandbox()
    expect(sandboxHostOf(svc.fs)?.runtimes?.manager).toBe(svc.runtimes)
  })

  it('runs the shell under the profile last applied by ready(), kept across restarts', async () => {
    const { svc, ctx } = testSandbox({ runtimes: { allow: ['shell', 'ruby'], onDemand: false } })
    const shell = sandboxHostOf(svc.fs)?.runtimes
    expect(shell?.policy()).toEqual(OPEN_POLICY)
    await svc.ready(ctx)
    expect(shell?.policy()).toEqual({ preinstall: [], onDemand: false, allow: ['shell', 'ruby'] })
  })

  it('reads a recorded policy back in a new manager over the same storage', () => {
    const sql = nodeSqlStore()
    new RuntimeManager(sql, () => {
      throw new Error('unused')
    }).setShellPolicy({ preinstall: ['python'], onDemand: true, allow: ['python', 'shell'] })
    const again = new RuntimeManager(sql, () => {
      throw new Error('unused')
    })
    expect(again.shellPolicy()).toEqual({ preinstall: ['python'], onDemand: true, allow: ['python', 'shell'] })
  })
})
