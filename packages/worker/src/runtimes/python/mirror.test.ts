import { describe, expect, it } from 'vitest'
import { createTestVfs } from '../../vfs/testing.js'
import { FileMirror } from './mirror.js'

const paths = (writes: Array<{ path: string }>): string[] => writes.map((w) => w.path).sort()

describe('FileMirror', () => {
  it('sends every file first, then only what changed since', () => {
    const fs = createTestVfs({ '/home/user/a.py': 'print(1)', '/home/user/d/b.txt': 'b' })
    const mirror = new FileMirror()
    const first = mirror.diff(fs)
    expect(first.full).toBe(true)
    expect(paths(first.writes)).toEqual(expect.arrayContaining(['/home/user/a.py', '/home/user/d/b.txt', '/etc/passwd']))
    expect(first.dirs).toContain('/home/user/d')
    mirror.base = 'isolate-1'
    const none = mirror.diff(fs)
    expect(none).toEqual({ full: false, writes: [], dirs: [], removes: [] })
    fs.writeFile('/home/user/a.py', 'print(2)')
    fs.rm('/home/user/d', { recursive: true })
    const next = mirror.diff(fs)
    expect(paths(next.writes)).toEqual(['/home/user/a.py'])
    expect(new TextDecoder().decode(next.writes[0]?.data)).toBe('print(2)')
    expect(next.removes.sort()).toEqual(['/home/user/d', '/home/user/d/b.txt'])
  })

  it('leaves out node_modules, .git and directories pyodide owns', () => {
    const fs = createTestVfs({ '/home/user/node_modules/x/i.js': '', '/home/user/.git/HEAD': '', '/lib/x.so': '', '/home/user/ok.py': '' })
    const sync = new FileMirror().diff(fs)
    const all = [...paths(sync.writes), ...sync.dirs]
    expect(all).toContain('/home/user/ok.py')
    expect(all.some((p) => p.includes('node_modules') || p.includes('.git') || p.startsWith('/lib'))).toBe(false)
  })

  it('lands the isolate changes in the VFS and does not send them back', () => {
    const fs = createTestVfs({ '/home/user/old.txt': 'x' })
    const mirror = new FileMirror()
    mirror.diff(fs)
    mirror.base = 'isolate-1'
    const errors = mirror.apply(fs, {
      writes: [{ path: '/home/user/out/new.txt', data: new TextEncoder().encode('made in python'), mode: 0o755 }],
      dirs: ['/home/user/out'],
      removes: ['/home/user/old.txt'],
    })
    expect(errors).toEqual([])
    expect(fs.readText('/home/user/out/new.txt')).toBe('made in python')
    expect(fs.stat('/home/user/out/new.txt').mode & 0o777).toBe(0o755)
    expect(fs.exists('/home/user/old.txt')).toBe(false)
    expect(mirror.diff(fs)).toEqual({ full: false, writes: [], dirs: [], removes: [] })
  })

  it('reports files it could not store and resends them later', () => {
    const fs = createTestVfs({}, { quotaBytes: 64 * 1024 })
    const mirror = new FileMirror()
    mirror.diff(fs)
    mirror.base = 'i'
    const errors = mirror.apply(fs, { writes: [{ path: '/tmp/big', data: new Uint8Array(128 * 1024), mode: 0o644 }], dirs: [], removes: [] })
    expect(errors).toHaveLength(1)
    expect(errors[0]).toMatch(/^\/tmp\/big: ENOSPC/)
    expect(mirror.diff(fs).removes).toEqual(['/tmp/big'])
  })

  it('a reset makes the next diff a full one', () => {
    const fs = createTestVfs({ '/home/user/a': '1' })
    const mirror = new FileMirror()
    mirror.diff(fs)
    mirror.base = 'i'
    mirror.reset()
    const again = mirror.diff(fs)
    expect(again.full).toBe(true)
    expect(paths(again.writes)).toContain('/home/user/a')
  })
})
