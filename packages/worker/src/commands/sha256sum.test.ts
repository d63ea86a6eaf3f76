import { describe, expect, it } from 'vitest'
import { runCommand } from './testing.js'

describe('sha256sum', () => {
  it('prints --help', async () => {
    expect((await runCommand('sha256sum --help')).stdout).toMatch(/^Usage: sha256sum/)
  })
})
