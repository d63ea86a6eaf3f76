import { describe, expect, it } from 'vitest'
import { createTestVfs } from './testing.js'
import { vfsCases } from './vfs.contract.js'

describe('SqliteVfs over node:sqlite', () => {
  for (const [name, run] of Object.entries(vfsCases)) it(name, () => run(createTestVfs({}, { quotaBytes: 4 * 1024 * 1024 })))

  it('a failed multi-step change rolls back completely', () => {
    const fs = createTestVfs({ '/tmp/a': 'A' }, { quotaBytes: 4 * 1024 * 1024 })
    const used = fs.usage().bytes
    expect(() => fs.writeFile('/tmp/a', new Uint8Array(5 * 1024 * 1024))).toThrow()
    expect(fs.readText('/tmp/a')).toBe('A')
    expect(fs.usage().bytes).toBe(used)
  })
})
