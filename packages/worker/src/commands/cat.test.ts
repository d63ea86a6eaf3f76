import { describe, expect, it } from 'vitest'
import { createPipe } from './io.js'
import { runCommand } from './testing.js'
import { parityCases } from './testing/parity.js'

describe('cat', () => {
  parityCases('cat')

  it('reads stdin when there is no operand', async () => {
    expect((await runCommand('cat', { stdin: 'piped' })).stdout).toBe('piped')
  })

  it('waits on a full pipe and ends with 141 once the reader goes away', async () => {
    const { reader, writer } = createPipe(1024)
    const run = runCommand('cat big', { files: { big: 'x'.repeat(300_000) }, stdout: writer })
    const first = await reader.read()
    expect(first?.length).toBeGreaterThan(0)
    reader.close()
    expect((await run).code).toBe(141)
  })

  it('--help prints usage', async () => {
    const r = await runCommand('cat --help')
    expect(r.code).toBe(0)
    expect(r.stdout).toMatch(/^Usage: cat \[OPTION\]/)
  })
})
