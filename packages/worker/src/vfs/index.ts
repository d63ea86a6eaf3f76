/** The sandbox filesystem: contract, SQLite implementation, path helpers. */
export * from './types.js'
export { SqliteVfs, DEFAULT_QUOTA_BYTES, MAX_SYMLINK_FOLLOWS, type SqliteVfsOptions } from './sqlite-vfs.js'
export { doSqlStore, SqlError, type SqlStore, type SqlValue, type SqlRow, type DoStorageLike } from './sql.js'
export { normalizePath, joinPath, dirname, basename, splitPath } from './path.js'
export { seedSandbox, HOME } from './seed.js'
export { CHUNK_SIZE } from './schema.js'
