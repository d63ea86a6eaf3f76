import { describe, expect, it } from 'vitest'
import { runCommand } from './testing.js'
import { parityCases } from './testing/parity.js'

describe('mkdir', () => {
  parityCases('mkdir')
  it('-m sets the mode', async () => {
    const r = await runCommand('mkdir -m 700 d')
    expect(r.fs.stat('/home/user/d').mode & 0o7777).toBe(0o700)
  })
})
