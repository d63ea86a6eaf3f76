import { describe, expect, it } from 'vitest'
import { runCommand } from './testing.js'

describe('sha1sum', () => {
  it('prints --help', async () => {
    expect((await runCommand('sha1sum --help')).stdout).toMatch(/^Usage: sha1sum/)
  })
})
