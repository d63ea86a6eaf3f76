import { describe, expect, it } from 'vitest'
import { runCommand } from './testing.js'

describe('base64', () => {
  it('prints --help', async () => {
    expect((await runCommand('base64 --help')).stdout).toMatch(/^Usage: base64/)
  })
})
