import { describe, expect, it } from 'vitest'
import { runCommand } from './testing.js'

// Output parity for od lives in dump.test.ts (cases/dump.json).
describe('od', () => {
  it('prints --help', async () => {
    expect((await runCommand('od --help')).stdout).toMatch(/^Usage: od/)
  })
})
