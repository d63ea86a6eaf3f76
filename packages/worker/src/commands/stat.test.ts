import { describe, expect, it } from 'vitest'
import { runCommand } from './testing.js'

describe('stat', () => {
  it('prints the GNU default layout', async () => {
    const r = await runCommand('true', { files: { a: 'hello' } })
    const t = Date.UTC(2024, 0, 2, 3, 4, 5)
    r.fs.utimes('/home/user/a', t, t)
    const ino = r.fs.stat('/home/user/a').ino
    const out = (await runCommand('stat a', { fs: r.fs })).stdout.split('\n')
    expect(out.slice(0, 6)).toEqual([
      '  File: a',
      '  Size: 5         \tBlocks: 8          IO Block: 4096   regular file',
      `Device: 0,0\tInode: ${String(ino).padEnd(11)} Links: 1`,
      'Access: (0644/-rw-r--r--)  Uid: ( 1000/    user)   Gid: ( 1000/    user)',
      'Access: 2024-01-02 03:04:05.000000000 +0000',
      'Modify: 2024-01-02 03:04:05.000000000 +0000',
    ])
  })
  it('-c formats fields', async () => {
    const r = await runCommand(['stat', '-c', '%n %s %a %A %F %U:%G', 'a', 'd'], { files: { a: 'xy', 'd/f': '' } })
    expect(r.stdout).toBe('a 2 644 -rw-r--r-- regular file user:user\nd 4096 755 drwxr-xr-x directory user:user\n')
  })
  it('reports missing files like GNU', async () => {
    expect(await runCommand('stat nope')).toMatchObject({ code: 1, stderr: "stat: cannot statx 'nope': No such file or directory\n" })
  })
})
