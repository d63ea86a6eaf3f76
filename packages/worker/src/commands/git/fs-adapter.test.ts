import { describe, expect, it } from 'vitest'
import { createTestVfs } from '../../vfs/testing.js'
import { createGitFs, watchedVfs } from './fs-adapter.js'

describe('isomorphic-git fs adapter', () => {
  it('speaks Node fs shapes: codes, full modes, encodings', async () => {
    const vfs = createTestVfs({ '/r/a.txt': 'hi' })
    const { promises: fs } = createGitFs(vfs)
    expect(await fs.readFile('/r/a.txt', 'utf8')).toBe('hi')
    expect(await fs.readFile('/r/a.txt', { encoding: 'utf8' })).toBe('hi')
    expect(Buffer.isBuffer(await fs.readFile('/r/a.txt'))).toBe(true)
    await expect(fs.readFile('/r/missing')).rejects.toMatchObject({ code: 'ENOENT' })
    await expect(fs.mkdir('/r')).rejects.toMatchObject({ code: 'EEXIST' })
    await expect(fs.readdir('/r/a.txt')).rejects.toMatchObject({ code: 'ENOTDIR' })
    const st = await fs.lstat('/r/a.txt')
    expect(st.mode).toBe(0o100644)
    expect(st.isFile() && !st.isDirectory()).toBe(true)
    expect((await fs.stat('/r')).mode & 0o170000).toBe(0o040000)
    await fs.writeFile('/r/run.sh', '#!/bin/sh\n', { mode: 0o755 })
    expect((await fs.lstat('/r/run.sh')).mode).toBe(0o100755)
    await fs.symlink('a.txt', '/r/link')
    expect((await fs.lstat('/r/link')).mode).toBe(0o120000 | 0o777)
    expect(String(await fs.readlink('/r/link', { encoding: 'buffer' }))).toBe('a.txt')
  })

  it('refuses paths outside its root', async () => {
    const vfs = createTestVfs({ '/r/a.txt': 'hi', '/etc/secret': 'x' })
    const { promises: fs } = createGitFs(vfs, { root: '/r' })
    await expect(fs.readFile('/r/../etc/secret')).rejects.toMatchObject({ code: 'EACCES' })
    await expect(fs.writeFile('/r/../../etc/evil', 'x')).rejects.toMatchObject({ code: 'EACCES' })
    expect(vfs.exists('/etc/evil')).toBe(false)
    expect(await fs.readFile('/r/./a.txt', 'utf8')).toBe('hi')
  })

  it('keeps stats from readdir until something changes', async () => {
    const vfs = createTestVfs({ '/r/a.txt': 'one' })
    const gfs = createGitFs(vfs)
    expect(await gfs.promises.readdir('/r')).toEqual(['a.txt'])
    expect((await gfs.promises.lstat('/r/a.txt')).size).toBe(3)
    await gfs.promises.writeFile('/r/a.txt', 'longer')
    expect((await gfs.promises.lstat('/r/a.txt')).size).toBe(6)
    // A change made beside the adapter is seen once the watched view reports it.
    const watched = watchedVfs(vfs, () => gfs.invalidate())
    watched.writeFile('/r/a.txt', 'x')
    expect((await gfs.promises.lstat('/r/a.txt')).size).toBe(1)
  })
})
