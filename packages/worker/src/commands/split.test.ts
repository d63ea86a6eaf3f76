import { describe, expect, it } from 'vitest'
import { runCommand } from './testing.js'

// Output parity for split lives in dump.test.ts (cases/dump.json).
describe('split', () => {
  it('prints --help', async () => {
    expect((await runCommand('split --help')).stdout).toMatch(/^Usage: split/)
  })
})
