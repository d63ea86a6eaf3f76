import { describe, expect, it } from 'vitest'
import { createTestVfs } from '../../vfs/testing.js'
import { applyFsOps, fetchEntries, takeSnapshot } from './snapshot.js'

describe('takeSnapshot', () => {
  it('takes the project and /tmp with content, skipping node_modules contents', () => {
    const fs = createTestVfs({ '/home/user/p/a.txt': 'A', '/home/user/p/node_modules/x/index.js': 'x', '/tmp/t': 'T', '/home/user/other': 'O' })
    const snap = takeSnapshot(fs, ['/home/user/p', '/tmp'])
    const byPath = new Map(snap.entries.map((e) => [e.path, e]))
    expect(snap.scopes).toEqual(['/home/user/p', '/tmp'])
    expect(new TextDecoder().decode(byPath.get('/home/user/p/a.txt')?.data)).toBe('A')
    expect(byPath.get('/home/user/p/node_modules')).toMatchObject({ type: 'dir', partial: true })
    expect(byPath.has('/home/user/p/node_modules/x')).toBe(false)
    expect(byPath.get('/home/user')).toMatchObject({ type: 'dir', partial: true })
    expect(byPath.has('/home/user/other')).toBe(false)
  })
  it('keeps metadata only past the byte budget', () => {
    const fs = createTestVfs({ '/p/big': 'x'.repeat(100), '/p/small': 'y' })
    const snap = takeSnapshot(fs, ['/p'], { fileBytes: 10, totalBytes: 50, entries: 100 })
    const big = snap.entries.find((e) => e.path === '/p/big')
    expect(big).toMatchObject({ size: 100 })
    expect(big?.data).toBeUndefined()
  })
})

describe('applyFsOps', () => {
  it('replays changes in order and reports failures', () => {
    const fs = createTestVfs({ '/p/old': 'o' })
    const enc = new TextEncoder()
    const failures = applyFsOps(fs, [
      { op: 'mkdir', path: '/p/d/e' },
      { op: 'write', path: '/p/d/e/f', data: enc.encode('F') },
      { op: 'rename', path: '/p/old', to: '/p/new' },
      { op: 'symlink', path: '/p/l', target: 'new' },
      { op: 'rm', path: '/p/missing-dir/x' },
      { op: 'write', path: '/nowhere/x', data: enc.encode('x') },
    ])
    expect(fs.readText('/p/d/e/f')).toBe('F')
    expect(fs.readText('/p/new')).toBe('o')
    expect(fs.readlink('/p/l')).toBe('new')
    expect(failures).toHaveLength(1)
    expect(failures[0]).toMatch(/^write \/nowhere\/x: /)
    expect(fetchEntries(fs, ['/p/d']).map((e) => e.path)).toEqual(['/p/d', '/p/d/e'])
  })
})
