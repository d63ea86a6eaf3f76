import { describe, expect, it } from 'vitest'
import { parityCases } from './testing/parity.js'

describe('tail', () => {
  parityCases('tail')
})

describe('tail -f', () => {
  it('prints what is appended until interrupted', async () => {
    const { runCommand } = await import('./testing.js')
    const { collectOutput } = await import('./io.js')
    const setup = await runCommand('true', { files: { log: 'a\nb\n' } })
    const out = collectOutput()
    const ac = new AbortController()
    const run = runCommand(['tail', '-f', '-n1', '-s', '0.02', 'log'], { fs: setup.fs, stdout: out, signal: ac.signal })
    await new Promise((r) => setTimeout(r, 30))
    setup.fs.writeFile('/home/user/log', 'c\n', { append: true })
    await new Promise((r) => setTimeout(r, 80))
    ac.abort()
    const r = await run
    expect(r.code).toBe(130)
    expect(out.text()).toBe('b\nc\n')
  })
})
