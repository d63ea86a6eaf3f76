import { describe, expect, it } from 'vitest'
import { createPipe } from './io.js'
import { runCommand } from './testing.js'
import { parityCases } from './testing/parity.js'

describe('head', () => {
  parityCases('head')
  it('stops reading an endless stdin once it has enough lines', async () => {
    const { reader, writer } = createPipe(16)
    let producing = true
    const producer = (async () => {
      try {
        while (producing) await writer.write('y\n')
      } catch {
        // Broken pipe once head is done and the reader closes.
      }
    })()
    const r = await runCommand('head -n 3', { stdin: reader })
    reader.close()
    producing = false
    await producer
    expect(r).toMatchObject({ stdout: 'y\ny\ny\n', code: 0 })
  })
})
