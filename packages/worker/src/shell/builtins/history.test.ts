import { describe, expect, it } from 'vitest'
import { createTestVfs } from '../../vfs/testing.js'
import { Shell } from '../index.js'
import type { HistoryStore } from '../types.js'

const store = (lines: string[]): HistoryStore => ({
  list: () => lines.slice(),
  add: (l) => void lines.push(l),
  clear: () => void (lines.length = 0),
})

describe('history', () => {
  it('lists the stored history, numbered, and clears it', async () => {
    const lines = ['ls', 'echo hi']
    const sh = new Shell({ fs: createTestVfs(), history: store(lines) })
    expect((await sh.exec('history')).stdout).toBe('    1  ls\n    2  echo hi\n')
    expect((await sh.exec('history 1')).stdout).toBe('    2  echo hi\n')
    await sh.exec('history -c')
    expect(lines).toEqual([])
  })
})
