/**
 * The VFS tables. Inodes hold metadata; directory entries map (parent, name) → inode, so
 * hard links and atomic renames are single-row changes; file bytes live in fixed-size
 * chunks so a range read or an append touches only the rows it needs.
 */
import type { SqlStore } from './sql.js'

/** 64 KiB: well under SQLite's blob limits and small enough for cheap partial writes. */
export const CHUNK_SIZE = 64 * 1024
export const ROOT_INO = 1
/** Owner (uid and gid) of what the sandbox creates: `user` in the seeded /etc/passwd. */
export const USER_ID = 1000

export function migrateVfs(sql: SqlStore): void {
  sql.run(`CREATE TABLE IF NOT EXISTS vfs_inodes (
    ino INTEGER PRIMARY KEY,
    type TEXT NOT NULL,
    mode INTEGER NOT NULL,
    uid INTEGER NOT NULL DEFAULT ${USER_ID},
    gid INTEGER NOT NULL DEFAULT ${USER_ID},
    size INTEGER NOT NULL DEFAULT 0,
    nlink INTEGER NOT NULL DEFAULT 1,
    atime REAL NOT NULL,
    mtime REAL NOT NULL,
    ctime REAL NOT NULL,
    target TEXT
  )`)
  sql.run(`CREATE TABLE IF NOT EXISTS vfs_dirents (
    parent INTEGER NOT NULL,
    name TEXT NOT NULL,
    ino INTEGER NOT NULL,
    PRIMARY KEY (parent, name)
  ) WITHOUT ROWID`)
  sql.run(`CREATE TABLE IF NOT EXISTS vfs_chunks (
    ino INTEGER NOT NULL,
    idx INTEGER NOT NULL,
    data BLOB NOT NULL,
    PRIMARY KEY (ino, idx)
  ) WITHOUT ROWID`)
  sql.run(`CREATE TABLE IF NOT EXISTS vfs_meta (key TEXT PRIMARY KEY, value INTEGER NOT NULL)`)
  const now = Date.now()
  sql.run(
    `INSERT OR IGNORE INTO vfs_inodes (ino, type, mode, uid, gid, size, nlink, atime, mtime, ctime)
     VALUES (?, 'dir', ?, 0, 0, 0, 2, ?, ?, ?)`,
    ROOT_INO,
    0o755,
    now,
    now,
    now,
  )
  sql.run(`INSERT OR IGNORE INTO vfs_meta (key, value) VALUES ('used_bytes', 0)`)
}
