/**
 * The sandbox filesystem over SQLite: POSIX path resolution (symlinks with a loop limit,
 * physical `..`), typed errors, a per-sandbox quota, and every multi-step change inside
 * one transaction so a crash never leaves half an operation behind.
 */
import { InodeStore, type InodeRow } from './inode-store.js'
import { splitPath } from './path.js'
import { ROOT_INO, migrateVfs } from './schema.js'
import type { SqlStore } from './sql.js'
import {
  VfsError,
  type ByteRange,
  type DirEntry,
  type FileStat,
  type MkdirOptions,
  type ReadOptions,
  type RmOptions,
  type Vfs,
  type VfsUsage,
  type WriteOptions,
} from './types.js'

/** Default per-sandbox quota: 1 GiB of file content. */
export const DEFAULT_QUOTA_BYTES = 1024 * 1024 * 1024
/** As on Linux: at most 40 symlinks followed while resolving one path. */
export const MAX_SYMLINK_FOLLOWS = 40
const MAX_NAME = 255
const MAX_PATH = 4096

export interface SqliteVfsOptions {
  quotaBytes?: number
}

interface Frame {
  ino: number
  name: string
}

/** Directory paths remembered by the resolver before it starts over. */
const DIR_CACHE_LIMIT = 2048

interface Walk {
  /** The directory holding the final component. */
  parent: number
  /** The final component's name ('' for the root). */
  name: string
  /** The final inode, when it exists. */
  ino?: number
  /** Canonical components of the final path (symlinks resolved). */
  canonical: string[]
}

const encoder = new TextEncoder()
const decoder = new TextDecoder()

export class SqliteVfs implements Vfs {
  readonly #sql: SqlStore
  readonly #store: InodeStore
  readonly #quota: number
  readonly #dirCache = new Map<string, Frame[]>()

  constructor(sql: SqlStore, opts: SqliteVfsOptions = {}) {
    this.#sql = sql
    this.#store = new InodeStore(sql)
    this.#quota = opts.quotaBytes ?? DEFAULT_QUOTA_BYTES
    migrateVfs(sql)
  }

  stat(path: string): FileStat {
    return statOf(this.#existingRow(path, true, 'stat'))
  }

  lstat(path: string): FileStat {
    return statOf(this.#existingRow(path, false, 'lstat'))
  }

  /** A directory's entries with their `lstat`, in one query (for `ls -l`, `find`, `du`). */
  readdirStats(path: string): (DirEntry & { stat: FileStat })[] {
    const dir = this.#existingRow(path, true, 'scandir')
    if (dir.type !== 'dir') throw new VfsError('ENOTDIR', path, 'scandir')
    return this.#store.childRows(dir.ino).map((r) => ({ name: r.name, type: r.type, ino: r.ino, stat: statOf(r) }))
  }

  exists(path: string): boolean {
    try {
      return this.#walk(path, true).ino !== undefined
    } catch {
      return false
    }
  }

  readFile(path: string, range?: ByteRange, opts: ReadOptions = {}): Uint8Array {
    const whole = range === undefined ? this.#readCachedDirFile(path) : undefined
    if (whole !== undefined) return whole
    const row = this.#fileRow(path, 'open', !opts.noFollow)
    const offset = range?.offset ?? 0
    const length = range?.length ?? row.size
    if (offset < 0 || length < 0) throw new VfsError('EINVAL', path, 'read')
    return this.#store.read(row.ino, row.size, offset, length)
  }

  readText(path: string): string {
    return decoder.decode(this.readFile(path))
  }

  writeFile(path: string, data: Uint8Array | string, opts: WriteOptions = {}): FileStat {
    const bytes = typeof data === 'string' ? encoder.encode(data) : data
    return this.#tx(() => {
      const { row, created } = this.#openForWrite(path, opts.mode ?? 0o644, opts.exclusive ?? false, opts.noFollow ?? false, bytes.length)
      // The stat comes from the rows in hand: the created inode, or the old one with its new size and times.
      if (created) {
        this.#reserve(path, bytes.length)
        this.#store.write(row.ino, 0, bytes, true)
        return statOf(row)
      }
      if (opts.append) {
        this.#reserve(path, bytes.length)
        this.#store.write(row.ino, row.size, bytes)
        return statOf(this.#store.setSize(row, row.size + bytes.length))
      }
      this.#reserve(path, bytes.length - row.size)
      if (row.size > 0) this.#store.cut(row.ino, 0)
      this.#store.write(row.ino, 0, bytes)
      return statOf(this.#store.setSize(row, bytes.length))
    })
  }

  writeAt(path: string, offset: number, data: Uint8Array): void {
    if (!Number.isInteger(offset) || offset < 0) throw new VfsError('EINVAL', path, 'write')
    this.#tx(() => {
      const { row } = this.#openForWrite(path, 0o644, false, false)
      const size = Math.max(row.size, offset + data.length)
      this.#reserve(path, size - row.size)
      this.#store.write(row.ino, offset, data)
      this.#store.setSize(row, size)
    })
  }

  truncate(path: string, size: number): void {
    if (!Number.isInteger(size) || size < 0) throw new VfsError('EINVAL', path, 'truncate')
    this.#tx(() => {
      const row = this.#fileRow(path, 'truncate')
      this.#reserve(path, size - row.size)
      if (size < row.size) this.#store.cut(row.ino, size)
      this.#store.setSize(row, size)
    })
  }

  mkdir(path: string, opts: MkdirOptions = {}): void {
    const mode = opts.mode ?? 0o755
    this.#tx(() => {
      if (!opts.recursive) {
        const w = this.#walk(path, false)
        if (w.ino !== undefined) throw new VfsError('EEXIST', path, 'mkdir')
        this.#createIn(w, 'dir', mode, path)
        return
      }
      const parts = splitPath(path)
      for (let i = 1; i <= parts.length; i++) {
        const prefix = `/${parts.slice(0, i).join('/')}`
        const w = this.#walk(prefix, true)
        if (w.ino === undefined) this.#createIn(w, 'dir', mode, prefix)
        else if (this.#row(w.ino).type !== 'dir') throw new VfsError(i === parts.length ? 'EEXIST' : 'ENOTDIR', prefix, 'mkdir')
      }
    })
  }

  readdir(path: string): DirEntry[] {
    const row = this.#row(this.#existing(path, true, 'scandir'))
    if (row.type !== 'dir') throw new VfsError('ENOTDIR', path, 'scandir')
    return this.#store.children(row.ino)
  }

  rmdir(path: string): void {
    this.#tx(() => {
      const w = this.#walk(path, false)
      if (w.ino === undefined) throw new VfsError('ENOENT', path, 'rmdir')
      if (w.ino === ROOT_INO) throw new VfsError('EBUSY', path, 'rmdir')
      if (this.#row(w.ino).type !== 'dir') throw new VfsError('ENOTDIR', path, 'rmdir')
      if (this.#store.hasChildren(w.ino)) throw new VfsError('ENOTEMPTY', path, 'rmdir')
      this.#removeEntry(w.parent, w.name, w.ino)
    }, true)
  }

  unlink(path: string): void {
    this.#tx(() => {
      const w = this.#walk(path, false)
      if (w.ino === undefined) throw new VfsError('ENOENT', path, 'unlink')
      if (this.#row(w.ino).type === 'dir') throw new VfsError('EISDIR', path, 'unlink')
      this.#removeEntry(w.parent, w.name, w.ino)
    })
  }

  rm(path: string, opts: RmOptions = {}): void {
    this.#tx(() => {
      const w = this.#walk(path, false)
      if (w.ino === undefined) {
        if (opts.force) return
        throw new VfsError('ENOENT', path, 'rm')
      }
      if (w.ino === ROOT_INO) throw new VfsError('EBUSY', path, 'rm')
      if (this.#row(w.ino).type === 'dir' && !opts.recursive) throw new VfsError('EISDIR', path, 'rm')
      this.#removeTree(w.parent, w.name, w.ino)
    }, true)
  }

  rename(from: string, to: string): void {
    this.#tx(() => {
      const src = this.#walk(from, false)
      if (src.ino === undefined) throw new VfsError('ENOENT', from, 'rename')
      if (src.ino === ROOT_INO) throw new VfsError('EBUSY', from, 'rename')
      const dst = this.#walk(to, false)
      if (dst.ino === src.ino) return
      const srcRow = this.#row(src.ino)
      const srcPath = `/${src.canonical.join('/')}`
      const dstPath = `/${dst.canonical.join('/')}`
      if (srcRow.type === 'dir' && dstPath.startsWith(`${srcPath}/`)) throw new VfsError('EINVAL', to, 'rename')
      if (dst.ino !== undefined) {
        const dstRow = this.#row(dst.ino)
        if (srcRow.type === 'dir' && dstRow.type !== 'dir') throw new VfsError('ENOTDIR', to, 'rename')
        if (srcRow.type !== 'dir' && dstRow.type === 'dir') throw new VfsError('EISDIR', to, 'rename')
        if (dstRow.type === 'dir' && this.#store.hasChildren(dst.ino)) throw new VfsError('ENOTEMPTY', to, 'rename')
        this.#removeEntry(dst.parent, dst.name, dst.ino)
      } else {
        this.#checkName(dst.name, to)
        this.#requireDir(dst.parent, to)
      }
      this.#store.unlinkEntry(src.parent, src.name)
      this.#store.link(dst.parent, dst.name, src.ino)
      if (srcRow.type === 'dir' && src.parent !== dst.parent) {
        this.#store.touchLinks(src.parent, -1)
        this.#store.touchLinks(dst.parent, 1)
      }
      this.#store.touchDir(src.parent)
      this.#store.touchDir(dst.parent)
    }, true)
  }

  symlink(target: string, path: string): void {
    if (target === '') throw new VfsError('ENOENT', path, 'symlink')
    this.#tx(() => {
      const w = this.#walk(path, false)
      if (w.ino !== undefined) throw new VfsError('EEXIST', path, 'symlink')
      this.#createIn(w, 'symlink', 0o777, path, target)
    })
  }

  readlink(path: string): string {
    const row = this.#row(this.#existing(path, false, 'readlink'))
    if (row.type !== 'symlink' || row.target === null) throw new VfsError('EINVAL', path, 'readlink')
    return row.target
  }

  link(existing: string, newPath: string): void {
    this.#tx(() => {
      const srcIno = this.#existing(existing, false, 'link')
      if (this.#row(srcIno).type === 'dir') throw new VfsError('EPERM', existing, 'link')
      const w = this.#walk(newPath, false)
      if (w.ino !== undefined) throw new VfsError('EEXIST', newPath, 'link')
      this.#checkName(w.name, newPath)
      this.#requireDir(w.parent, newPath)
      this.#store.link(w.parent, w.name, srcIno)
      this.#store.touchLinks(srcIno, 1)
      this.#store.touchDir(w.parent)
    })
  }

  chmod(path: string, mode: number): void {
    this.#store.setMode(this.#existing(path, true, 'chmod'), mode & 0o7777)
  }

  utimes(path: string, atimeMs: number, mtimeMs: number): void {
    this.#store.setTimes(this.#existing(path, true, 'utime'), atimeMs, mtimeMs)
  }

  realpath(path: string): string {
    const w = this.#walk(path, true)
    if (w.ino === undefined) throw new VfsError('ENOENT', path, 'realpath')
    return `/${w.canonical.join('/')}`
  }

  canonical(path: string): string | undefined {
    try {
      return `/${this.#walk(path, true).canonical.join('/')}`
    } catch {
      return undefined
    }
  }

  usage(): VfsUsage {
    return { bytes: this.#store.usedBytes(), quotaBytes: this.#quota, inodes: this.#store.inodeCount() }
  }

  // ── internals ───────────────────────────────────────────────────────────

  /**
   * Resolves `path` component by component. A symlink met on the way (or at the end,
   * when `followFinal`) restarts the walk on its expansion, at most MAX_SYMLINK_FOLLOWS
   * times. A missing final component is not an error: `ino` is then undefined.
   * Directories already resolved are remembered until the tree's shape changes.
   */
  #walk(path: string, followFinal: boolean): Walk & { row?: InodeRow } {
    if (path.length > MAX_PATH) throw new VfsError('ENAMETOOLONG', path.slice(0, 64), 'open')
    if (path.includes('\0')) throw new VfsError('EINVAL', path.replaceAll('\0', '\\0'), 'open')
    const trailingSlash = path.length > 1 && path.endsWith('/')
    let parts = splitPath(path)
    let follows = 0
    restart: for (;;) {
      let stack: Frame[] = []
      let cur = ROOT_INO
      let i = 0
      const cachedDepth = this.#cachedPrefix(parts)
      if (cachedDepth) {
        stack = cachedDepth.stack
        cur = stack.at(-1)?.ino ?? ROOT_INO
        i = cachedDepth.depth
      }
      for (; i < parts.length; i++) {
        const part = parts[i] as string
        const last = i === parts.length - 1
        if (part === '..') {
          stack.pop()
          cur = stack.at(-1)?.ino ?? ROOT_INO
          if (last) return this.#walkResult(stack, cur)
          continue
        }
        if (part.length > MAX_NAME) throw new VfsError('ENAMETOOLONG', path, 'open')
        const row = this.#store.lookup(cur, part)
        if (row === undefined) {
          if (!last) throw new VfsError('ENOENT', path, 'open')
          return { parent: cur, name: part, canonical: [...stack.map((s) => s.name), part] }
        }
        if (row.type === 'symlink' && (!last || followFinal || trailingSlash)) {
          if (++follows > MAX_SYMLINK_FOLLOWS) throw new VfsError('ELOOP', path, 'open')
          const target = row.target ?? ''
          const rest = parts.slice(i + 1)
          const base = target.startsWith('/') ? [] : stack.map((s) => s.name)
          parts = [...base, ...splitPath(target), ...rest]
          continue restart
        }
        if (row.type !== 'dir' && (!last || trailingSlash)) throw new VfsError('ENOTDIR', path, 'open')
        stack.push({ ino: row.ino, name: part })
        cur = row.ino
        if (!last && follows === 0) this.#remember(parts, i + 1, stack)
        if (last) return { ...this.#walkResult(stack, cur), row }
      }
      return this.#walkResult(stack, cur)
    }
  }

  /**
   * A whole-file read in one query when the file's directory is already resolved (as it is
   * for each file after the first in a directory): the file's row comes with its chunks.
   * Anything else (an unresolved directory, a symlink, a directory, a missing file) returns
   * undefined and takes the general path, which also produces the right error.
   */
  #readCachedDirFile(path: string): Uint8Array | undefined {
    const parts = splitPath(path)
    const name = parts.pop()
    if (name === undefined || name === '..' || path.endsWith('/') || parts.length === 0) return undefined
    const dir = this.#dirCache.get(parts.join('/'))?.at(-1)
    if (dir === undefined) return undefined
    const hit = this.#store.lookupContent(dir.ino, name)
    return hit?.type === 'file' ? hit.data : undefined
  }

  #walkResult(stack: Frame[], ino: number): Walk {
    const parent = stack.length >= 2 ? (stack[stack.length - 2] as Frame).ino : ROOT_INO
    return { parent, name: stack.at(-1)?.name ?? '', ino, canonical: stack.map((s) => s.name) }
  }

  /** The longest remembered directory prefix of `parts`, itself included (only `..`-free prefixes are kept). */
  #cachedPrefix(parts: string[]): { depth: number; stack: Frame[] } | undefined {
    for (let depth = parts.length; depth > 0; depth--) {
      const hit = this.#dirCache.get(parts.slice(0, depth).join('/'))
      if (hit) return { depth, stack: [...hit] }
    }
    return undefined
  }

  #remember(parts: string[], depth: number, stack: Frame[]): void {
    const prefix = parts.slice(0, depth)
    if (prefix.includes('..')) return
    if (this.#dirCache.size >= DIR_CACHE_LIMIT) this.#dirCache.clear()
    this.#dirCache.set(prefix.join('/'), [...stack])
  }

  /** Runs a change atomically; a failure rolls back and drops every cached value. */
  #tx<T>(fn: () => T, reshapes = false): T {
    try {
      const out = this.#sql.transaction(fn)
      if (reshapes) this.#dirCache.clear()
      return out
    } catch (e) {
      this.#dirCache.clear()
      this.#store.invalidate()
      throw e
    }
  }

  #existing(path: string, follow: boolean, syscall: string): number {
    return this.#existingRow(path, follow, syscall).ino
  }

  #existingRow(path: string, follow: boolean, syscall: string): InodeRow {
    const w = this.#walk(path, follow)
    if (w.ino === undefined) throw new VfsError('ENOENT', path, syscall)
    return w.row ?? this.#row(w.ino)
  }

  #row(ino: number): InodeRow {
    const row = this.#store.get(ino)
    if (!row) throw new VfsError('ENOENT', `#${ino}`, 'stat')
    return row
  }

  #fileRow(path: string, syscall: string, follow = true): InodeRow {
    const row = this.#existingRow(path, follow, syscall)
    if (row.type === 'dir') throw new VfsError('EISDIR', path, syscall)
    if (row.type === 'symlink') throw new VfsError('ELOOP', path, syscall)
    return row
  }

  #requireDir(ino: number, path: string): void {
    if (this.#row(ino).type !== 'dir') throw new VfsError('ENOTDIR', path, 'open')
  }

  #checkName(name: string, path: string): void {
    if (name === '' || name === '..') throw new VfsError('EEXIST', path, 'open')
  }

  /** Opens (or creates, with `size` already recorded) the file `path` for writing. */
  #openForWrite(path: string, mode: number, exclusive: boolean, noFollow: boolean, size = 0): { row: InodeRow; created: boolean } {
    const w = this.#walk(path, !noFollow)
    if (w.ino !== undefined) {
      if (exclusive) throw new VfsError('EEXIST', path, 'open')
      const row = w.row ?? this.#row(w.ino)
      if (row.type === 'dir') throw new VfsError('EISDIR', path, 'open')
      if (row.type === 'symlink') throw new VfsError('ELOOP', path, 'open')
      return { row, created: false }
    }
    return { row: this.#createIn(w, 'file', mode, path, undefined, size), created: true }
  }

  #createIn(w: Walk, type: 'file' | 'dir' | 'symlink', mode: number, path: string, target?: string, size = 0): InodeRow {
    this.#checkName(w.name, path)
    const row = this.#store.create(type, mode, target ?? null, size)
    this.#store.link(w.parent, w.name, row.ino)
    if (type === 'dir') this.#store.touchLinks(w.parent, 1)
    this.#store.touchDir(w.parent)
    return row
  }

  #removeEntry(parent: number, name: string, ino: number): void {
    const isDir = this.#row(ino).type === 'dir'
    this.#store.unlinkEntry(parent, name)
    this.#store.addUsedBytes(-this.#store.dropLink(ino))
    if (isDir) this.#store.touchLinks(parent, -1)
    this.#store.touchDir(parent)
  }

  #removeTree(parent: number, name: string, ino: number): void {
    if (this.#row(ino).type === 'dir') {
      for (const child of this.#store.children(ino)) this.#removeTree(ino, child.name, child.ino)
    }
    this.#removeEntry(parent, name, ino)
  }

  /** Accounts for `delta` more bytes, or fails with ENOSPC before anything is written. */
  #reserve(path: string, delta: number): void {
    if (delta === 0) return
    const used = this.#store.usedBytes()
    if (delta > 0 && used + delta > this.#quota) throw new VfsError('ENOSPC', path, 'write')
    this.#store.addUsedBytes(delta)
  }


}

function statOf(r: InodeRow): FileStat {
  const stat: FileStat = {
    ino: r.ino,
    type: r.type,
    mode: r.mode,
    uid: r.uid,
    gid: r.gid,
    size: r.size,
    nlink: r.nlink,
    atimeMs: r.atime,
    mtimeMs: r.mtime,
    ctimeMs: r.ctime,
  }
  if (r.target !== null) stat.target = r.target
  return stat
}
