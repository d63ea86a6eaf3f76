/**
 * Session state besides files: the shell snapshot (cwd, env, aliases), command history
 * and terminal scrollback. Each lives in the Durable Object's SQLite so a reload, a
 * second tab or a restart of the object picks up where the user left off.
 */
import type { HistoryStore, ShellSnapshot } from '../shell/types.js'
import type { SqlStore } from '../vfs/sql.js'

/** History lines kept per session. */
export const HISTORY_LIMIT = 1000
/** Scrollback kept for replay on attach (characters). */
export const SCROLLBACK_LIMIT = 256 * 1024

export class SessionStore {
  constructor(private readonly sql: SqlStore) {
    sql.run('CREATE TABLE IF NOT EXISTS session_kv (key TEXT PRIMARY KEY, value TEXT NOT NULL)')
    sql.run('CREATE TABLE IF NOT EXISTS session_history (id INTEGER PRIMARY KEY AUTOINCREMENT, line TEXT NOT NULL)')
  }

  get(key: string): string | undefined {
    const row = this.sql.all<{ value: string }>('SELECT value FROM session_kv WHERE key = ?', key)[0]
    return row?.value
  }

  set(key: string, value: string): void {
    this.sql.run('INSERT OR REPLACE INTO session_kv (key, value) VALUES (?, ?)', key, value)
  }

  loadSnapshot(): ShellSnapshot | undefined {
    const raw = this.get('shell')
    if (!raw) return undefined
    try {
      return JSON.parse(raw) as ShellSnapshot
    } catch {
      return undefined
    }
  }

  saveSnapshot(snapshot: ShellSnapshot): void {
    this.set('shell', JSON.stringify(snapshot))
  }

  loadScrollback(): string {
    return this.get('scrollback') ?? ''
  }

  saveScrollback(text: string): void {
    this.set('scrollback', text)
  }

  history(): HistoryStore {
    const sql = this.sql
    return {
      list: () => sql.all<{ line: string }>('SELECT line FROM session_history ORDER BY id').map((r) => r.line),
      add: (line: string) => {
        sql.transaction(() => {
          sql.run('INSERT INTO session_history (line) VALUES (?)', line)
          sql.run(
            'DELETE FROM session_history WHERE id <= (SELECT id FROM session_history ORDER BY id DESC LIMIT 1 OFFSET ?)',
            HISTORY_LIMIT,
          )
        })
      },
      clear: () => sql.run('DELETE FROM session_history'),
    }
  }
}

/** Keeps only the last `limit` characters, cut at a line start where possible. */
export function trimScrollback(text: string, limit = SCROLLBACK_LIMIT): string {
  if (text.length <= limit) return text
  const cut = text.slice(text.length - limit)
  const nl = cut.indexOf('\n')
  return nl >= 0 && nl < 4096 ? cut.slice(nl + 1) : cut
}
