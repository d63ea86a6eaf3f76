import { describe, expect, it } from 'vitest'
import { runCommand } from './testing.js'
import { parityCases } from './testing/parity.js'

const old = Date.parse('2024-01-02T03:04:00Z')

describe('ls', () => {
  parityCases('ls')

  it('-l prints GNU long format with total, owner and old dates with the year', async () => {
    const r = await runCommand('ls -l', {
      files: { a: 'hello', 'd/x': '' },
    })
    r.fs.utimes('/home/user/a', old, old)
    r.fs.utimes('/home/user/d', old, old)
    r.fs.symlink('a', '/home/user/l')
    const l = r.fs.lstat('/home/user/l').mtimeMs
    const again = await runCommand('ls -l', { fs: r.fs })
    const recent = new Date(l)
    const hm = `${String(recent.getUTCHours()).padStart(2, '0')}:${String(recent.getUTCMinutes()).padStart(2, '0')}`
    const day = `${['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'][recent.getUTCMonth()]} ${String(recent.getUTCDate()).padStart(2)}`
    expect(again.stdout).toBe(
      'total 8\n' +
        '-rw-r--r-- 1 user user    5 Jan  2  2024 a\n' +
        `drwxr-xr-x 2 user user 4096 Jan  2  2024 d\n` +
        `lrwxrwxrwx 1 user user    1 ${day} ${hm} l -> a\n`,
    )
  })

  it('-lh uses human sizes', async () => {
    const r = await runCommand('ls -lh big', { files: { big: new Uint8Array(1536) } })
    expect(r.stdout).toMatch(/^-rw-r--r-- 1 user user 1\.5K /)
  })

  it('lays out columns on a terminal', async () => {
    const files = Object.fromEntries(['alpha', 'beta', 'gamma', 'delta', 'epsilon'].map((n) => [n, '']))
    const r = await runCommand('ls', { files, stdoutIsTTY: true, env: { COLUMNS: '30' } })
    expect(r.stdout).toBe('alpha  delta\tgamma\nbeta   epsilon\n')
  })
})

describe('ls --color', () => {
  it('colours directories, links and executables, keeping the column layout', async () => {
    const r = await runCommand('ls --color=always', { files: { 'd/x': '', run: '', plain: '' }, stdoutIsTTY: false })
    r.fs.chmod('/home/user/run', 0o755)
    const again = await runCommand('ls --color=always', { fs: r.fs })
    expect(again.stdout).toBe('\x1b[01;34md\x1b[0m\nplain\n\x1b[01;32mrun\x1b[0m\n')
    expect((await runCommand('ls --color=auto', { fs: r.fs })).stdout).toBe('d\nplain\nrun\n')
    const tty = await runCommand('ls --color=auto', { fs: r.fs, stdoutIsTTY: true })
    expect(tty.stdout).toBe('\x1b[01;34md\x1b[0m  plain  \x1b[01;32mrun\x1b[0m\n')
  })
})
