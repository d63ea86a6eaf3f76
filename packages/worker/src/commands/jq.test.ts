import { describe, expect, it } from 'vitest'
import { runCommand } from './testing.js'
import { parityCases } from './testing/parity.js'

// Expected outputs come from jq 1.6.
describe('jq', () => {
  parityCases('jq')

  it('reports a filter syntax error with status 3', async () => {
    const r = await runCommand(['jq', '.a |'], { stdin: '{}' })
    expect(r.code).toBe(3)
    expect(r.stderr).toMatch(/^jq: error: syntax error, unexpected \$end/)
    expect(r.stderr).toContain('jq: 1 compile error\n')
  })

  it('reports invalid JSON input with status 2', async () => {
    const r = await runCommand(['jq', '.'], { stdin: '{"a":}' })
    expect(r.code).toBe(2)
    expect(r.stderr).toMatch(/^parse error: /)
  })

  it('reads files named as operands', async () => {
    const r = await runCommand(['jq', '-r', '.name', 'package.json'], { files: { 'package.json': '{"name":"demo"}' } })
    expect(r.stdout).toBe('demo\n')
  })
})
