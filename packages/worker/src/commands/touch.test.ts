import { describe, expect, it } from 'vitest'
import { runCommand } from './testing.js'
import { parityCases } from './testing/parity.js'

describe('touch', () => {
  parityCases('touch')
  it('-d and -t set the time', async () => {
    const r = await runCommand(['touch', '-d', '2024-01-02 03:04:05', 'a'])
    expect(r.fs.stat('/home/user/a').mtimeMs).toBe(Date.UTC(2024, 0, 2, 3, 4, 5))
    await runCommand(['touch', '-t', '202301020304.05', 'a'], { fs: r.fs })
    expect(r.fs.stat('/home/user/a').mtimeMs).toBe(Date.UTC(2023, 0, 2, 3, 4, 5))
  })
  it('-r copies times and -m leaves atime', async () => {
    const r = await runCommand(['touch', '-d', '@1000', 'ref'])
    await runCommand(['touch', '-m', '-r', 'ref', 'b'], { fs: r.fs })
    expect(r.fs.stat('/home/user/b').mtimeMs).toBe(1_000_000)
  })
})
