import { describe, expect, it } from 'vitest'
import { runCommand } from './testing.js'

describe('sleep', () => {
  it('waits and sums intervals', async () => {
    const t = Date.now()
    expect((await runCommand('sleep 0.05 0.05s')).code).toBe(0)
    expect(Date.now() - t).toBeGreaterThanOrEqual(90)
  })
  it('ends promptly on abort with 130', async () => {
    const ac = new AbortController()
    setTimeout(() => ac.abort(), 20)
    const t = Date.now()
    expect((await runCommand('sleep 100', { signal: ac.signal })).code).toBe(130)
    expect(Date.now() - t).toBeLessThan(1000)
  })
  it('rejects bad intervals like GNU', async () => {
    expect(await runCommand('sleep x')).toMatchObject({ code: 1, stderr: "sleep: invalid time interval \u2018x\u2019\nTry 'sleep --help' for more information.\n" })
  })
})
