/**
 * Test helpers: the real SqliteVfs over Node's built-in SQLite, so filesystem, shell and
 * command tests run in plain Node without workerd. Not part of the published build.
 */
import { DatabaseSync, type StatementSync } from 'node:sqlite'
import { seedSandbox } from './seed.js'
import { SqlError, type SqlRow, type SqlStore, type SqlValue } from './sql.js'
import { SqliteVfs, type SqliteVfsOptions } from './sqlite-vfs.js'

/** SqlStore over node:sqlite, with prepared statements cached by text. */
export function nodeSqlStore(db: DatabaseSync = new DatabaseSync(':memory:')): SqlStore {
  const cache = new Map<string, StatementSync>()
  let depth = 0
  const prepare = (query: string): StatementSync => {
    let stmt = cache.get(query)
    if (!stmt) {
      try {
        stmt = db.prepare(query)
      } catch (e) {
        throw new SqlError(query, e)
      }
      cache.set(query, stmt)
    }
    return stmt
  }
  return {
    all<T extends SqlRow>(query: string, ...params: SqlValue[]): T[] {
      try {
        return prepare(query).all(...params) as T[]
      } catch (e) {
        throw e instanceof SqlError ? e : new SqlError(query, e)
      }
    },
    run(query: string, ...params: SqlValue[]): void {
      try {
        prepare(query).run(...params)
      } catch (e) {
        throw e instanceof SqlError ? e : new SqlError(query, e)
      }
    },
    transaction<T>(fn: () => T): T {
      if (depth > 0) return fn()
      depth++
      db.exec('BEGIN')
      try {
        const result = fn()
        db.exec('COMMIT')
        return result
      } catch (e) {
        db.exec('ROLLBACK')
        throw e
      } finally {
        depth--
      }
    },
  }
}

/** A fresh sandbox filesystem (with /home/user, /tmp, /etc, /usr/bin) plus `files`. */
export function createTestVfs(files: Record<string, string | Uint8Array> = {}, opts: SqliteVfsOptions = {}): SqliteVfs {
  const fs = new SqliteVfs(nodeSqlStore(), opts)
  seedSandbox(fs)
  for (const [path, content] of Object.entries(files)) {
    const dir = path.slice(0, path.lastIndexOf('/')) || '/'
    fs.mkdir(dir, { recursive: true })
    fs.writeFile(path, content)
  }
  return fs
}
