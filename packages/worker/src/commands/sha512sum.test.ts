import { describe, expect, it } from 'vitest'
import { runCommand } from './testing.js'

describe('sha512sum', () => {
  it('prints --help', async () => {
    expect((await runCommand('sha512sum --help')).stdout).toMatch(/^Usage: sha512sum/)
  })
})
