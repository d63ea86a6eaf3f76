import { describe, expect, it } from 'vitest'
import { runCommand } from './testing.js'

// Output parity for xxd lives in dump.test.ts (cases/dump.json).
describe('xxd', () => {
  it('prints --help', async () => {
    expect((await runCommand('xxd --help')).stdout).toMatch(/^Usage: xxd/)
  })
})

describe('xxd -r', () => {
  it('reverses its own default dump', async () => {
    const data = new Uint8Array(100).map((_, i) => (i * 37) % 256)
    const dump = await runCommand('xxd', { stdin: data })
    const back = await runCommand('xxd -r', { stdin: dump.stdout })
    expect(back.stdoutBytes).toEqual(data)
  })
})
