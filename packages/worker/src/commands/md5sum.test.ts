import { describe, expect, it } from 'vitest'
import { runCommand } from './testing.js'

describe('md5sum', () => {
  it('prints --help', async () => {
    expect((await runCommand('md5sum --help')).stdout).toMatch(/^Usage: md5sum/)
  })
})
