import { describe, expect, it } from 'vitest'
import { createPipe } from './io.js'
import { runCommand } from './testing.js'

describe('yes', () => {
  it('repeats until the reader closes, then ends quietly', async () => {
    const { reader, writer } = createPipe(1024)
    const run = runCommand('yes ok', { stdout: writer })
    const lines: string[] = []
    for await (const l of reader.lines()) {
      lines.push(l)
      if (lines.length === 3) break
    }
    reader.close()
    const r = await run
    expect(lines).toEqual(['ok', 'ok', 'ok'])
    expect(r).toMatchObject({ code: 141, stderr: '' })
  })
  it('stops when aborted', async () => {
    const ac = new AbortController()
    const { reader, writer } = createPipe(1024)
    const run = runCommand('yes', { stdout: writer, signal: ac.signal })
    await reader.read()
    ac.abort()
    void reader.readAll()
    expect((await run).code).toBe(130)
  })
})
