/**
 * A tiny synchronous SQL port, so the VFS and the session code run unchanged over the
 * Durable Object's `ctx.storage.sql` in workerd and over `node:sqlite` in Node tests.
 */

export type SqlValue = string | number | null | Uint8Array

export type SqlRow = Record<string, SqlValue>

export interface SqlStore {
  /** Runs one statement and returns its rows (blobs as Uint8Array). */
  all<T extends SqlRow = SqlRow>(query: string, ...params: SqlValue[]): T[]
  /** Runs one statement, ignoring rows. */
  run(query: string, ...params: SqlValue[]): void
  /** Runs `fn` atomically; nested calls join the outer transaction. */
  transaction<T>(fn: () => T): T
}

/** A failed statement; carries the query so a log line says what broke. */
export class SqlError extends Error {
  override readonly name = 'SqlError'
  readonly code = 'E_SQL'
  constructor(
    readonly query: string,
    override readonly cause: unknown,
  ) {
    super(`SQL failed (${cause instanceof Error ? cause.message : String(cause)}): ${query}`)
  }
}

/** The subset of workerd's DurableObjectStorage this module needs. */
export interface DoStorageLike {
  sql: {
    exec(query: string, ...bindings: unknown[]): { toArray(): Record<string, unknown>[] }
  }
  transactionSync<T>(fn: () => T): T
}

const toBytes = (v: unknown): SqlValue => {
  if (v instanceof ArrayBuffer) return new Uint8Array(v)
  if (ArrayBuffer.isView(v)) return new Uint8Array(v.buffer, v.byteOffset, v.byteLength)
  if (typeof v === 'bigint') return Number(v)
  return v as SqlValue
}

const normaliseRow = (row: Record<string, unknown>): SqlRow => {
  const out: SqlRow = {}
  for (const key in row) out[key] = toBytes(row[key])
  return out
}

/** SqlStore over a Durable Object's storage (`ctx.storage`). */
export function doSqlStore(storage: DoStorageLike): SqlStore {
  let depth = 0
  const exec = (query: string, params: SqlValue[]) => {
    try {
      return storage.sql.exec(query, ...params)
    } catch (e) {
      throw new SqlError(query, e)
    }
  }
  return {
    all<T extends SqlRow>(query: string, ...params: SqlValue[]): T[] {
      return exec(query, params).toArray().map(normaliseRow) as T[]
    },
    run(query: string, ...params: SqlValue[]): void {
      exec(query, params).toArray()
    },
    transaction<T>(fn: () => T): T {
      if (depth > 0) return fn()
      depth++
      try {
        return storage.transactionSync(fn)
      } finally {
        depth--
      }
    },
  }
}
