/**
 * The behaviour every Vfs implementation must show. Each case gets a fresh, seeded
 * filesystem; the Node test and the workerd test run the same cases.
 */
import { expect } from 'vitest'
import { CHUNK_SIZE } from './schema.js'
import { isVfsError, type Vfs, type VfsCode } from './types.js'

/** Byte equality without vitest's element-by-element diffing of large arrays. */
const sameBytes = (a: Uint8Array, b: Uint8Array): boolean => a.length === b.length && a.every((v, i) => v === b[i])

export function expectCode(fn: () => unknown, code: VfsCode): void {
  try {
    fn()
  } catch (e) {
    expect(isVfsError(e) ? e.code : e).toBe(code)
    return
  }
  expect.fail(`expected ${code}, but nothing was thrown`)
}

export const vfsCases: Record<string, (fs: Vfs) => void> = {
  'fresh sandbox has the standard directories': (fs) => {
    for (const d of ['/home/user', '/tmp', '/etc', '/usr/bin']) expect(fs.stat(d).type).toBe('dir')
  },
  'write then read a file': (fs) => {
    fs.writeFile('/tmp/a.txt', 'hello')
    expect(fs.readText('/tmp/a.txt')).toBe('hello')
    const st = fs.stat('/tmp/a.txt')
    expect(st).toMatchObject({ type: 'file', size: 5, mode: 0o644, nlink: 1 })
  },
  'overwrite replaces content and size': (fs) => {
    fs.writeFile('/tmp/a', 'a long first version')
    fs.writeFile('/tmp/a', 'short')
    expect(fs.readText('/tmp/a')).toBe('short')
    expect(fs.stat('/tmp/a').size).toBe(5)
  },
  'append adds to the end': (fs) => {
    fs.writeFile('/tmp/log', 'a\n', { append: true })
    fs.writeFile('/tmp/log', 'b\n', { append: true })
    expect(fs.readText('/tmp/log')).toBe('a\nb\n')
  },
  'exclusive create fails on an existing file': (fs) => {
    fs.writeFile('/tmp/x', '1', { exclusive: true })
    expectCode(() => fs.writeFile('/tmp/x', '2', { exclusive: true }), 'EEXIST')
  },
  'multi-chunk content round-trips and range reads cross chunks': (fs) => {
    const big = new Uint8Array(CHUNK_SIZE * 3 + 123)
    for (let i = 0; i < big.length; i++) big[i] = (i * 7) % 251
    fs.writeFile('/tmp/big', big)
    expect(sameBytes(fs.readFile('/tmp/big'), big)).toBe(true)
    const slice = fs.readFile('/tmp/big', { offset: CHUNK_SIZE - 10, length: CHUNK_SIZE + 20 })
    expect(sameBytes(slice, big.subarray(CHUNK_SIZE - 10, 2 * CHUNK_SIZE + 10))).toBe(true)
    expect(Array.from(fs.readFile('/tmp/big', { offset: big.length - 3, length: 100 }))).toEqual(Array.from(big.subarray(big.length - 3)))
    fs.writeAt('/tmp/big', CHUNK_SIZE - 2, new Uint8Array([1, 2, 3, 4]))
    expect(Array.from(fs.readFile('/tmp/big', { offset: CHUNK_SIZE - 3, length: 6 }))).toEqual([big[CHUNK_SIZE - 3], 1, 2, 3, 4, big[CHUNK_SIZE + 2]])
  },
  'writeAt patches in place and zero-fills gaps': (fs) => {
    fs.writeFile('/tmp/p', 'abcdef')
    fs.writeAt('/tmp/p', 2, new TextEncoder().encode('XY'))
    expect(fs.readText('/tmp/p')).toBe('abXYef')
    fs.writeAt('/tmp/p', 10, new TextEncoder().encode('Z'))
    expect(Array.from(fs.readFile('/tmp/p'))).toEqual([...new TextEncoder().encode('abXYef'), 0, 0, 0, 0, 90])
  },
  'whole-file reads in an already-resolved directory keep every rule': (fs) => {
    fs.mkdir('/tmp/w')
    fs.writeFile('/tmp/w/a', 'first')
    expect(fs.readText('/tmp/w/a')).toBe('first')
    // A file with a hole: the missing middle chunk reads as zeros, the length is the size.
    fs.writeAt('/tmp/w/holey', 2 * CHUNK_SIZE, new Uint8Array([7, 8]))
    const holey = fs.readFile('/tmp/w/holey')
    expect(holey.length).toBe(2 * CHUNK_SIZE + 2)
    expect(holey.every((b, i) => b === (i === 2 * CHUNK_SIZE ? 7 : i === 2 * CHUNK_SIZE + 1 ? 8 : 0))).toBe(true)
    fs.writeFile('/tmp/w/empty', '')
    expect(fs.readFile('/tmp/w/empty').length).toBe(0)
    fs.symlink('a', '/tmp/w/link')
    expect(fs.readText('/tmp/w/link')).toBe('first')
    fs.symlink('nowhere', '/tmp/w/dangling')
    expectCode(() => fs.readFile('/tmp/w/dangling'), 'ENOENT')
    fs.mkdir('/tmp/w/sub')
    expectCode(() => fs.readFile('/tmp/w/sub'), 'EISDIR')
    expectCode(() => fs.readFile('/tmp/w/missing'), 'ENOENT')
    expectCode(() => fs.readFile('/tmp/w/a/'), 'ENOTDIR')
    expectCode(() => fs.readFile('/tmp/w/..'), 'EISDIR')
    expectCode(() => fs.readFile(`/tmp/w/${'x'.repeat(256)}`), 'ENAMETOOLONG')
    fs.link('/tmp/w/a', '/tmp/w/hard')
    fs.writeFile('/tmp/w/a', 'second')
    expect(fs.readText('/tmp/w/hard')).toBe('second')
    fs.rename('/tmp/w', '/tmp/moved')
    expectCode(() => fs.readFile('/tmp/w/a'), 'ENOENT')
    expect(fs.readText('/tmp/moved/a')).toBe('second')
  },
  'truncate shrinks and grows': (fs) => {
    fs.writeFile('/tmp/t', 'hello world')
    fs.truncate('/tmp/t', 5)
    expect(fs.readText('/tmp/t')).toBe('hello')
    fs.truncate('/tmp/t', 7)
    expect(Array.from(fs.readFile('/tmp/t').subarray(5))).toEqual([0, 0])
    expectCode(() => fs.truncate('/tmp/t', -1), 'EINVAL')
  },
  'missing files and parents are ENOENT': (fs) => {
    expectCode(() => fs.readFile('/nope'), 'ENOENT')
    expectCode(() => fs.writeFile('/no/such/dir/f', 'x'), 'ENOENT')
    expect(fs.exists('/nope')).toBe(false)
  },
  'a file used as a directory is ENOTDIR': (fs) => {
    fs.writeFile('/tmp/f', 'x')
    expectCode(() => fs.writeFile('/tmp/f/g', 'x'), 'ENOTDIR')
    expectCode(() => fs.readdir('/tmp/f'), 'ENOTDIR')
    expectCode(() => fs.stat('/tmp/f/'), 'ENOTDIR')
  },
  'reading or writing a directory is EISDIR': (fs) => {
    expectCode(() => fs.readFile('/tmp'), 'EISDIR')
    expectCode(() => fs.writeFile('/tmp', 'x'), 'EISDIR')
    expectCode(() => fs.unlink('/tmp'), 'EISDIR')
  },
  'mkdir, recursive mkdir and EEXIST': (fs) => {
    fs.mkdir('/a')
    expectCode(() => fs.mkdir('/a'), 'EEXIST')
    fs.mkdir('/a/b/c/d', { recursive: true })
    fs.mkdir('/a/b/c/d', { recursive: true })
    expect(fs.stat('/a/b/c/d').type).toBe('dir')
    expectCode(() => fs.mkdir('/x/y'), 'ENOENT')
    fs.writeFile('/a/file', '')
    expectCode(() => fs.mkdir('/a/file/sub', { recursive: true }), 'ENOTDIR')
  },
  'the resolver notices directories replaced or removed': (fs) => {
    fs.mkdir('/w/a', { recursive: true })
    fs.writeFile('/w/a/f', 'old')
    expect(fs.readText('/w/a/f')).toBe('old')
    fs.rename('/w/a', '/w/b')
    expectCode(() => fs.readText('/w/a/f'), 'ENOENT')
    fs.mkdir('/w/a')
    fs.writeFile('/w/a/f', 'new')
    expect(fs.readText('/w/a/f')).toBe('new')
    expect(fs.readText('/w/b/f')).toBe('old')
    fs.rm('/w/a', { recursive: true })
    expectCode(() => fs.writeFile('/w/a/g', 'x'), 'ENOENT')
  },
  'readdir lists sorted entries with types': (fs) => {
    fs.mkdir('/d')
    fs.writeFile('/d/b', '')
    fs.mkdir('/d/a')
    fs.symlink('b', '/d/c')
    expect(fs.readdir('/d').map((e) => [e.name, e.type])).toEqual([
      ['a', 'dir'],
      ['b', 'file'],
      ['c', 'symlink'],
    ])
    const stats = fs.readdirStats('/d')
    expect(stats.map((e) => [e.name, e.stat.type, e.stat.size])).toEqual([
      ['a', 'dir', 0],
      ['b', 'file', 0],
      ['c', 'symlink', 1],
    ])
    expect(stats[2]?.stat.target).toBe('b')
  },
  'rmdir needs an empty directory': (fs) => {
    fs.mkdir('/d')
    fs.writeFile('/d/f', '')
    expectCode(() => fs.rmdir('/d'), 'ENOTEMPTY')
    fs.unlink('/d/f')
    fs.rmdir('/d')
    expect(fs.exists('/d')).toBe(false)
    expectCode(() => fs.rmdir('/'), 'EBUSY')
  },
  'rm -r removes a tree and frees its bytes': (fs) => {
    const before = fs.usage().bytes
    fs.mkdir('/t/a/b', { recursive: true })
    fs.writeFile('/t/a/b/f', '12345')
    fs.writeFile('/t/g', '123')
    expect(fs.usage().bytes).toBe(before + 8)
    expectCode(() => fs.rm('/t'), 'EISDIR')
    fs.rm('/t', { recursive: true })
    expect(fs.exists('/t')).toBe(false)
    expect(fs.usage().bytes).toBe(before)
    fs.rm('/t', { force: true })
    expectCode(() => fs.rm('/t'), 'ENOENT')
  },
  'symlinks resolve, lstat does not follow, readlink reads': (fs) => {
    fs.mkdir('/real/dir', { recursive: true })
    fs.writeFile('/real/dir/f', 'data')
    fs.symlink('/real/dir', '/link')
    fs.symlink('f', '/real/dir/rel')
    expect(fs.readText('/link/f')).toBe('data')
    expect(fs.readText('/link/rel')).toBe('data')
    expect(fs.lstat('/link').type).toBe('symlink')
    expect(fs.stat('/link').type).toBe('dir')
    expect(fs.readlink('/link')).toBe('/real/dir')
    expect(fs.realpath('/link/rel')).toBe('/real/dir/f')
    expectCode(() => fs.readlink('/real'), 'EINVAL')
  },
  'writing through a dangling symlink creates the target': (fs) => {
    fs.symlink('/tmp/target', '/tmp/dangling')
    expect(fs.exists('/tmp/dangling')).toBe(false)
    fs.writeFile('/tmp/dangling', 'x')
    expect(fs.readText('/tmp/target')).toBe('x')
  },
  'noFollow refuses a final symlink with ELOOP and changes nothing, but follows directories on the way': (fs) => {
    fs.writeFile('/tmp/real', 'kept')
    fs.symlink('/tmp/real', '/tmp/link')
    fs.symlink('/tmp/absent', '/tmp/dangling')
    expectCode(() => fs.readFile('/tmp/link', undefined, { noFollow: true }), 'ELOOP')
    expectCode(() => fs.writeFile('/tmp/link', 'x', { noFollow: true }), 'ELOOP')
    expectCode(() => fs.writeFile('/tmp/dangling', 'x', { noFollow: true }), 'ELOOP')
    expect(fs.readText('/tmp/real')).toBe('kept')
    expect(fs.exists('/tmp/absent')).toBe(false)
    fs.symlink('/tmp', '/tmp-link')
    fs.writeFile('/tmp-link/via', 'v', { noFollow: true })
    expect(new TextDecoder().decode(fs.readFile('/tmp-link/via', undefined, { noFollow: true }))).toBe('v')
  },
  'writeFile returns the stat the file now has': (fs) => {
    const created = fs.writeFile('/tmp/s', 'abc', { mode: 0o600 })
    expect(created).toEqual(fs.stat('/tmp/s'))
    expect(created).toMatchObject({ type: 'file', size: 3, mode: 0o600, nlink: 1 })
    expect(fs.writeFile('/tmp/s', 'de', { append: true })).toEqual(fs.stat('/tmp/s'))
    expect(fs.writeFile('/tmp/s', 'f')).toEqual(fs.stat('/tmp/s'))
  },
  'symlink loops give ELOOP': (fs) => {
    fs.symlink('/loop2', '/loop1')
    fs.symlink('/loop1', '/loop2')
    expectCode(() => fs.readFile('/loop1'), 'ELOOP')
    fs.symlink('self', '/tmp/self')
    expectCode(() => fs.stat('/tmp/self'), 'ELOOP')
  },
  'dot-dot is physical after a symlink and never climbs above root': (fs) => {
    fs.mkdir('/p/q', { recursive: true })
    fs.writeFile('/p/marker', 'p')
    fs.symlink('/p/q', '/s')
    expect(fs.readText('/s/../marker')).toBe('p')
    expect(fs.realpath('/../../../tmp')).toBe('/tmp')
    expect(fs.realpath('/tmp/../..')).toBe('/')
  },
  'hard links share content and count links': (fs) => {
    fs.writeFile('/tmp/orig', 'one')
    fs.link('/tmp/orig', '/tmp/other')
    expect(fs.stat('/tmp/orig').nlink).toBe(2)
    fs.writeFile('/tmp/other', 'two')
    expect(fs.readText('/tmp/orig')).toBe('two')
    fs.unlink('/tmp/orig')
    expect(fs.readText('/tmp/other')).toBe('two')
    expect(fs.stat('/tmp/other').nlink).toBe(1)
    expectCode(() => fs.link('/tmp', '/tmp2'), 'EPERM')
  },
  'rename moves files and directories atomically': (fs) => {
    fs.writeFile('/tmp/a', 'A')
    fs.writeFile('/tmp/b', 'B')
    fs.rename('/tmp/a', '/tmp/b')
    expect(fs.readText('/tmp/b')).toBe('A')
    expect(fs.exists('/tmp/a')).toBe(false)
    fs.mkdir('/src/sub', { recursive: true })
    fs.writeFile('/src/sub/f', 'F')
    fs.rename('/src', '/home/user/dst')
    expect(fs.readText('/home/user/dst/sub/f')).toBe('F')
  },
  'rename refuses invalid moves': (fs) => {
    fs.mkdir('/d/e', { recursive: true })
    fs.writeFile('/f', '')
    expectCode(() => fs.rename('/d', '/d/e/inside'), 'EINVAL')
    expectCode(() => fs.rename('/d', '/f'), 'ENOTDIR')
    expectCode(() => fs.rename('/f', '/d'), 'EISDIR')
    fs.mkdir('/full')
    fs.writeFile('/full/x', '')
    fs.mkdir('/empty')
    expectCode(() => fs.rename('/empty', '/full'), 'ENOTEMPTY')
    expectCode(() => fs.rename('/missing', '/x'), 'ENOENT')
    expectCode(() => fs.rename('/f', '/no/dir/f'), 'ENOENT')
  },
  'chmod and utimes update metadata': (fs) => {
    fs.writeFile('/tmp/s', '#!/bin/sh')
    fs.chmod('/tmp/s', 0o755)
    expect(fs.stat('/tmp/s').mode).toBe(0o755)
    fs.utimes('/tmp/s', 1000, 2000)
    expect(fs.stat('/tmp/s')).toMatchObject({ atimeMs: 1000, mtimeMs: 2000 })
  },
  'quota gives ENOSPC and keeps what was written': (fs) => {
    const { quotaBytes, bytes } = fs.usage()
    fs.writeFile('/tmp/keep', 'safe')
    const tooBig = new Uint8Array(quotaBytes - bytes)
    expectCode(() => fs.writeFile('/tmp/huge', tooBig), 'ENOSPC')
    expect(fs.readText('/tmp/keep')).toBe('safe')
    expectCode(() => fs.writeFile('/tmp/keep', tooBig, { append: true }), 'ENOSPC')
    expect(fs.readText('/tmp/keep')).toBe('safe')
    expect(fs.usage().bytes).toBe(bytes + 4)
  },
  'bad names are refused': (fs) => {
    expectCode(() => fs.writeFile(`/tmp/${'x'.repeat(256)}`, ''), 'ENAMETOOLONG')
    expectCode(() => fs.writeFile('/tmp/a\0b', ''), 'EINVAL')
  },
}
