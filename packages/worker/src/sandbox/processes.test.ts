import { describe, expect, it } from 'vitest'
import { nodeSqlStore } from '../vfs/testing.js'
import { ProcessTable, type ProcessIo } from './processes.js'

describe('ProcessTable', () => {
  it('drops the oldest output of a runaway process and says how much', async () => {
    const table = new ProcessTable(
      nodeSqlStore(),
      async (_cmd, _opts, io: ProcessIo) => {
        for (let i = 0; i < 400; i++) await io.stdout.write(`${String(i).padStart(9, '0')}\n`.repeat(1000))
        return 0
      },
      { keepChars: 1_000_000 },
    )
    const p = table.start('flood', { cwd: '/' })
    const end = await table.wait(p.pid)
    expect(end).toMatchObject({ state: 'exited', exitCode: 0 })
    let cursor = 0
    let text = ''
    let dropped = -1
    for (;;) {
      const page = table.logs(p.pid, { cursor })
      if (dropped < 0) dropped = page.dropped
      text += page.text
      cursor = page.cursor
      if (!page.truncated) break
    }
    expect(dropped).toBeGreaterThan(0)
    expect(dropped + text.length).toBe(4_000_000)
    expect(text.length).toBeLessThanOrEqual(1_000_000)
    expect(text.endsWith('000000399\n')).toBe(true)
    // A reader already past the dropped part is told nothing was dropped for it.
    expect(table.logs(p.pid, { cursor }).dropped).toBe(0)
  })
})
