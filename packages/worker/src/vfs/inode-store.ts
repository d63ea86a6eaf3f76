/**
 * Row-level access to the VFS tables: inodes, directory entries and chunks. Knows
 * nothing about paths; `SqliteVfs` builds POSIX semantics on top.
 */
import { CHUNK_SIZE, USER_ID } from './schema.js'
import type { SqlStore } from './sql.js'
import type { FileType } from './types.js'

export interface InodeRow {
  ino: number
  type: FileType
  mode: number
  uid: number
  gid: number
  size: number
  nlink: number
  atime: number
  mtime: number
  ctime: number
  target: string | null
  [key: string]: string | number | null
}

export class InodeStore {
  constructor(private readonly sql: SqlStore) {}

  get(ino: number): InodeRow | undefined {
    return this.sql.all<InodeRow>('SELECT * FROM vfs_inodes WHERE ino = ?', ino)[0]
  }

  /** The inode a directory entry names, in one query. */
  lookup(parent: number, name: string): InodeRow | undefined {
    return this.sql.all<InodeRow>(
      'SELECT i.* FROM vfs_dirents d JOIN vfs_inodes i ON i.ino = d.ino WHERE d.parent = ? AND d.name = ?',
      parent,
      name,
    )[0]
  }

  /**
   * What a directory entry names (its type) and, for a regular file, its whole content, in
   * one query: the common whole-file read (`cat`, `grep -r`). Undefined when the entry does
   * not exist.
   */
  lookupContent(parent: number, name: string): { type: FileType; data: Uint8Array } | undefined {
    const rows = this.sql.all<{ type: FileType; size: number; idx: number | null; data: Uint8Array | null }>(
      `SELECT i.type AS type, i.size AS size, c.idx AS idx, c.data AS data FROM vfs_dirents d
       JOIN vfs_inodes i ON i.ino = d.ino
       LEFT JOIN vfs_chunks c ON c.ino = i.ino AND i.type = 'file'
       WHERE d.parent = ? AND d.name = ? ORDER BY c.idx`,
      parent,
      name,
    )
    const first = rows[0]
    if (first === undefined) return undefined
    const out = new Uint8Array(first.type === 'file' ? first.size : 0)
    for (const { idx, data } of rows) {
      if (idx === null || data === null) continue
      const at = idx * CHUNK_SIZE
      if (at < out.length) out.set(data.subarray(0, Math.min(data.length, out.length - at)), at)
    }
    return { type: first.type, data: out }
  }

  /** A directory's entries with their inodes, in one query. */
  childRows(parent: number): (InodeRow & { name: string })[] {
    return this.sql.all<InodeRow & { name: string }>(
      'SELECT d.name AS name, i.* FROM vfs_dirents d JOIN vfs_inodes i ON i.ino = d.ino WHERE d.parent = ? ORDER BY d.name',
      parent,
    )
  }

  children(parent: number): { name: string; ino: number; type: FileType }[] {
    return this.sql.all<{ name: string; ino: number; type: FileType }>(
      `SELECT d.name AS name, d.ino AS ino, i.type AS type FROM vfs_dirents d
       JOIN vfs_inodes i ON i.ino = d.ino WHERE d.parent = ? ORDER BY d.name`,
      parent,
    )
  }

  hasChildren(parent: number): boolean {
    return this.sql.all('SELECT 1 AS x FROM vfs_dirents WHERE parent = ? LIMIT 1', parent).length > 0
  }

  /** A new inode; returns its row as stored, built here (reading it back with `RETURNING *` costs a row conversion per file). */
  create(type: FileType, mode: number, target: string | null = null, size = 0): InodeRow {
    const now = Date.now()
    const row: InodeRow = {
      ino: 0,
      type,
      mode,
      uid: USER_ID,
      gid: USER_ID,
      size: target === null ? size : new TextEncoder().encode(target).length,
      nlink: type === 'dir' ? 2 : 1,
      atime: now,
      mtime: now,
      ctime: now,
      target,
    }
    const inserted = this.sql.all<{ ino: number }>(
      `INSERT INTO vfs_inodes (type, mode, uid, gid, size, nlink, atime, mtime, ctime, target)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING ino`,
      type,
      mode,
      row.uid,
      row.gid,
      row.size,
      row.nlink,
      now,
      now,
      now,
      target,
    )[0]
    if (!inserted) throw new Error('inode insert returned no row')
    row.ino = inserted.ino
    return row
  }

  link(parent: number, name: string, ino: number): void {
    this.sql.run('INSERT INTO vfs_dirents (parent, name, ino) VALUES (?, ?, ?)', parent, name, ino)
  }

  unlinkEntry(parent: number, name: string): void {
    this.sql.run('DELETE FROM vfs_dirents WHERE parent = ? AND name = ?', parent, name)
  }

  /** Drops one link; frees the inode and its chunks when none remain. Returns bytes freed. */
  dropLink(ino: number): number {
    const row = this.get(ino)
    if (!row) return 0
    const remaining = row.type === 'dir' ? 0 : row.nlink - 1
    if (remaining > 0) {
      this.sql.run('UPDATE vfs_inodes SET nlink = ?, ctime = ? WHERE ino = ?', remaining, Date.now(), ino)
      return 0
    }
    this.sql.run('DELETE FROM vfs_chunks WHERE ino = ?', ino)
    this.sql.run('DELETE FROM vfs_inodes WHERE ino = ?', ino)
    return row.type === 'file' ? row.size : 0
  }

  touchLinks(ino: number, delta: number): void {
    this.sql.run('UPDATE vfs_inodes SET nlink = nlink + ?, ctime = ? WHERE ino = ?', delta, Date.now(), ino)
  }

  setMode(ino: number, mode: number): void {
    this.sql.run('UPDATE vfs_inodes SET mode = ?, ctime = ? WHERE ino = ?', mode, Date.now(), ino)
  }

  setTimes(ino: number, atime: number, mtime: number): void {
    this.sql.run('UPDATE vfs_inodes SET atime = ?, mtime = ?, ctime = ? WHERE ino = ?', atime, mtime, Date.now(), ino)
  }

  /** Marks a content change: new size, mtime and ctime. Returns `row` as it now stands. */
  setSize(row: InodeRow, size: number): InodeRow {
    const now = Date.now()
    this.sql.run('UPDATE vfs_inodes SET size = ?, mtime = ?, ctime = ? WHERE ino = ?', size, now, now, row.ino)
    return { ...row, size, mtime: now, ctime: now }
  }

  touchDir(ino: number): void {
    const now = Date.now()
    this.sql.run('UPDATE vfs_inodes SET mtime = ?, ctime = ? WHERE ino = ?', now, now, ino)
  }

  /** Bytes [offset, offset+length) of a file of `size` bytes; missing chunks read as zeros. */
  read(ino: number, size: number, offset: number, length: number): Uint8Array {
    const start = Math.max(0, Math.min(offset, size))
    const end = Math.max(start, Math.min(size, offset + length))
    const out = new Uint8Array(end - start)
    if (out.length === 0) return out
    const first = Math.floor(start / CHUNK_SIZE)
    const last = Math.floor((end - 1) / CHUNK_SIZE)
    const rows = this.sql.all<{ idx: number; data: Uint8Array }>(
      'SELECT idx, data FROM vfs_chunks WHERE ino = ? AND idx BETWEEN ? AND ? ORDER BY idx',
      ino,
      first,
      last,
    )
    for (const { idx, data } of rows) {
      const chunkStart = idx * CHUNK_SIZE
      const from = Math.max(start, chunkStart)
      const to = Math.min(end, chunkStart + data.length)
      if (to > from) out.set(data.subarray(from - chunkStart, to - chunkStart), from - start)
    }
    return out
  }

  /**
   * Writes `data` at `offset`, merging with the chunks it partly covers. `fresh` says the
   * file holds no bytes yet, so there is nothing to merge with.
   */
  write(ino: number, offset: number, data: Uint8Array, fresh = false): void {
    let pos = 0
    while (pos < data.length) {
      const abs = offset + pos
      const idx = Math.floor(abs / CHUNK_SIZE)
      const within = abs - idx * CHUNK_SIZE
      const take = Math.min(CHUNK_SIZE - within, data.length - pos)
      const view = data.subarray(pos, pos + take)
      // Bind an exact buffer: a view's backing store may be larger than the view.
      const piece = view.byteOffset === 0 && view.byteLength === view.buffer.byteLength ? view : view.slice()
      let chunk: Uint8Array
      if ((within === 0 && take === CHUNK_SIZE) || (fresh && within === 0)) {
        chunk = piece
      } else {
        const existing = this.sql.all<{ data: Uint8Array }>('SELECT data FROM vfs_chunks WHERE ino = ? AND idx = ?', ino, idx)[0]?.data
        const length = Math.max(existing?.length ?? 0, within + take)
        chunk = new Uint8Array(length)
        if (existing) chunk.set(existing)
        chunk.set(piece, within)
      }
      this.sql.run('INSERT OR REPLACE INTO vfs_chunks (ino, idx, data) VALUES (?, ?, ?)', ino, idx, chunk)
      pos += take
    }
  }

  /** Drops bytes past `size` (chunks wholly beyond it, and the tail of the last one). */
  cut(ino: number, size: number): void {
    const lastIdx = size === 0 ? -1 : Math.floor((size - 1) / CHUNK_SIZE)
    this.sql.run('DELETE FROM vfs_chunks WHERE ino = ? AND idx > ?', ino, lastIdx)
    if (lastIdx < 0) return
    const keep = size - lastIdx * CHUNK_SIZE
    const row = this.sql.all<{ data: Uint8Array }>('SELECT data FROM vfs_chunks WHERE ino = ? AND idx = ?', ino, lastIdx)[0]
    if (row && row.data.length > keep) {
      this.sql.run('UPDATE vfs_chunks SET data = ? WHERE ino = ? AND idx = ?', row.data.slice(0, keep), ino, lastIdx)
    }
  }

  /** Cached: this object is the only writer of its sandbox's tables. */
  #used: number | undefined

  usedBytes(): number {
    this.#used ??= this.sql.all<{ value: number }>(`SELECT value FROM vfs_meta WHERE key = 'used_bytes'`)[0]?.value ?? 0
    return this.#used
  }

  addUsedBytes(delta: number): void {
    if (delta === 0) return
    this.sql.run(`UPDATE vfs_meta SET value = value + ? WHERE key = 'used_bytes'`, delta)
    if (this.#used !== undefined) this.#used += delta
  }

  /** Forgets cached values (after a rolled-back transaction). */
  invalidate(): void {
    this.#used = undefined
  }

  inodeCount(): number {
    return this.sql.all<{ n: number }>('SELECT COUNT(*) AS n FROM vfs_inodes')[0]?.n ?? 0
  }
}
