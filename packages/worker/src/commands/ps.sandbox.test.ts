import { describe, expect, it } from 'vitest'
import { Shell } from '../shell/index.js'
import { testSandbox } from '../sandbox/testing.js'

describe('ps and kill see the sandbox process table', () => {
  it('lists a process started through the sandbox; kill ends it from the shell', async () => {
    const { svc, ctx } = testSandbox()
    const p = svc.startProcess(ctx, 'sleep 600')
    const sh = new Shell({ fs: svc.fs })
    expect((await sh.exec('ps -ef')).stdout).toContain(`${String(p.pid).padStart(7)}       1  0 00:00 pts/0    00:00:00 sleep 600\n`)
    expect(await sh.exec(`kill ${p.pid}`)).toMatchObject({ exitCode: 0, stderr: '' })
    expect(svc.processes.get(p.pid).state).toBe('killed')
    expect((await sh.exec('ps -ef')).stdout).not.toContain('sleep 600')
    expect(await sh.exec(`kill ${p.pid}`)).toMatchObject({ exitCode: 1, stderr: expect.stringContaining('No such process') })
  })
})
