import { describe, expect, it } from 'vitest'
import { runCommand } from './testing.js'
import { parityCases } from './testing/parity.js'

describe('printf', () => {
  parityCases('printf')
  it('writes bytes for \\x escapes', async () => {
    expect([...(await runCommand(['printf', '\\xff\\x00'])).stdoutBytes]).toEqual([0xff, 0])
  })
})
