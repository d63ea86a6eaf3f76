/**
 * The sandbox's process table: background commands started through the SDK (or the tools),
 * recorded in SQLite with every byte of their output, so a caller can follow the logs with a
 * cursor and lose nothing. Output is buffered briefly and written in batches (a flood of
 * small writes costs a few statements, not one each). A process lives in this Durable
 * Object's memory; when the object restarts, records still marked running are reported
 * honestly as `lost`.
 */
import type { OutputStream } from '../commands/types.js'
import type { SqlStore } from '../vfs/sql.js'
import { SandboxError } from './errors.js'

export type ProcessState = 'running' | 'exited' | 'killed' | 'lost'

export interface ProcessInfo {
  pid: number
  command: string
  cwd: string
  state: ProcessState
  /** Exit status once ended (124 after a timeout, 143 after kill); null while running or lost. */
  exitCode: number | null
  startedAt: number
  endedAt: number | null
}

export interface LogChunk {
  /** Position of this chunk; pass `seq + 1` (or the page's `cursor`) to read on. */
  seq: number
  stream: 'stdout' | 'stderr'
  data: string
}

export interface LogsPage {
  chunks: LogChunk[]
  /** Characters of output dropped before this page because the process outgrew LOG_KEEP_CHARS (0 normally). */
  dropped: number
  /** Every chunk's data in order. */
  text: string
  /** Where the next call continues. */
  cursor: number
  /** True when more output is stored past this page: call again with `cursor`. */
  truncated: boolean
  /** The exit status once the process ended; null while it runs (or when it was lost). */
  exit: number | null
  state: ProcessState
}

export interface ProcessIo {
  stdout: OutputStream
  stderr: OutputStream
  signal: AbortSignal
}

/** Runs a command line to completion and returns its exit status. */
export type ProcessRunner = (command: string, opts: { cwd: string; env?: Record<string, string> }, io: ProcessIo) => Promise<number>

/** First pid handed out; small numbers stay clear of the shell's own job pids (1000 and up). */
export const FIRST_PID = 100
/** Buffered output is written once it reaches this size, or after FLUSH_MS. */
const FLUSH_BYTES = 64 * 1024
const FLUSH_MS = 25
/**
 * Output kept per process. A process that prints more (a runaway `yes`) loses its oldest
 * output, and `logs` reports how much in `dropped`, rather than filling the sandbox.
 */
export const LOG_KEEP_CHARS = 32 * 1024 * 1024
/** Default and largest page `logs` returns, in characters of output. */
export const LOGS_PAGE_DEFAULT = 1024 * 1024
export const LOGS_PAGE_MAX = 8 * 1024 * 1024

type Row = { pid: number; command: string; cwd: string; state: string; exit_code: number | null; started_at: number; ended_at: number | null }

const abortStatus = (reason: unknown): number | undefined =>
  typeof reason === 'object' && reason !== null && typeof (reason as { status?: unknown }).status === 'number' ? (reason as { status: number }).status : undefined

const infoOf = (r: Row): ProcessInfo => ({
  pid: r.pid,
  command: r.command,
  cwd: r.cwd,
  state: r.state as ProcessState,
  exitCode: r.exit_code,
  startedAt: r.started_at,
  endedAt: r.ended_at,
})

interface Live {
  controller: AbortController
  done: Promise<number>
  buffer: Array<{ stream: 'stdout' | 'stderr'; data: string }>
  bufferedBytes: number
  timer: ReturnType<typeof setTimeout> | undefined
  /** Retained chunks, oldest first, with their sizes (to trim past LOG_KEEP_CHARS). */
  kept: Array<{ seq: number; size: number }>
  keptChars: number
}

export class ProcessTable {
  readonly #live = new Map<number, Live>()
  #listeners = new Set<() => void>()
  readonly #keepChars: number
  private readonly now: () => number

  constructor(
    private readonly sql: SqlStore,
    private readonly runner: ProcessRunner,
    opts: { now?: () => number; keepChars?: number } = {},
  ) {
    this.now = opts.now ?? Date.now
    this.#keepChars = opts.keepChars ?? LOG_KEEP_CHARS
    sql.run(
      'CREATE TABLE IF NOT EXISTS sandbox_process (pid INTEGER PRIMARY KEY, command TEXT NOT NULL, cwd TEXT NOT NULL, state TEXT NOT NULL, exit_code INTEGER, started_at INTEGER NOT NULL, ended_at INTEGER)',
    )
    sql.run('CREATE TABLE IF NOT EXISTS sandbox_process_dropped (pid INTEGER PRIMARY KEY, chars INTEGER NOT NULL, below INTEGER NOT NULL)')
    sql.run(
      'CREATE TABLE IF NOT EXISTS sandbox_process_log (pid INTEGER NOT NULL, seq INTEGER NOT NULL, stream TEXT NOT NULL, data TEXT NOT NULL, PRIMARY KEY (pid, seq)) WITHOUT ROWID',
    )
    // Whatever was running belonged to an earlier life of this object: it is gone.
    sql.run("UPDATE sandbox_process SET state = 'lost', ended_at = ? WHERE state = 'running'", this.now())
  }

  /** Called whenever a process starts or ends (the session keeps itself alive meanwhile). */
  onChange(fn: () => void): void {
    this.#listeners.add(fn)
  }

  get runningCount(): number {
    return this.#live.size
  }

  start(command: string, opts: { cwd: string; env?: Record<string, string> }): ProcessInfo {
    const row = this.sql.all<{ next: number }>('SELECT COALESCE(MAX(pid) + 1, ?) AS next FROM sandbox_process', FIRST_PID)[0]
    const pid = Math.max(row?.next ?? FIRST_PID, FIRST_PID)
    const startedAt = this.now()
    this.sql.run("INSERT INTO sandbox_process (pid, command, cwd, state, started_at) VALUES (?, ?, ?, 'running', ?)", pid, command, opts.cwd, startedAt)
    const controller = new AbortController()
    const live: Live = { controller, done: Promise.resolve(0), buffer: [], bufferedBytes: 0, timer: undefined, kept: [], keptChars: 0 }
    this.#live.set(pid, live)
    const io: ProcessIo = { stdout: this.#stream(pid, live, 'stdout'), stderr: this.#stream(pid, live, 'stderr'), signal: controller.signal }
    live.done = (async () => {
      let status: number
      try {
        status = await this.runner(command, opts, io)
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e)
        live.buffer.push({ stream: 'stderr', data: `nimbus: process failed: ${message}\n` })
        status = 1
      }
      this.#flush(pid, live)
      const state: ProcessState = controller.signal.aborted ? 'killed' : 'exited'
      // A killed process reports the kill's status (143), whatever its last command returned.
      if (controller.signal.aborted) status = abortStatus(controller.signal.reason) ?? status
      this.sql.run('UPDATE sandbox_process SET state = ?, exit_code = ?, ended_at = ? WHERE pid = ?', state, status, this.now(), pid)
      this.#live.delete(pid)
      this.#changed()
      return status
    })()
    this.#changed()
    return { pid, command, cwd: opts.cwd, state: 'running', exitCode: null, startedAt, endedAt: null }
  }

  list(): ProcessInfo[] {
    return this.sql.all<Row>('SELECT * FROM sandbox_process ORDER BY pid').map(infoOf)
  }

  get(pid: number): ProcessInfo {
    const row = this.sql.all<Row>('SELECT * FROM sandbox_process WHERE pid = ?', pid)[0]
    if (!row) throw new SandboxError('E_PROCESS_NOT_FOUND', `no process ${pid}`)
    return infoOf(row)
  }

  /** Output from `cursor` on, at most about `limit` characters (always at least one chunk). */
  logs(pid: number, opts: { cursor?: number; limit?: number } = {}): LogsPage {
    const info = this.get(pid)
    const live = this.#live.get(pid)
    if (live) this.#flush(pid, live)
    const cursor = Math.max(0, Math.floor(opts.cursor ?? 0))
    const limit = Math.min(Math.max(1, opts.limit ?? LOGS_PAGE_DEFAULT), LOGS_PAGE_MAX)
    const chunks: LogChunk[] = []
    let size = 0
    let next = cursor
    let truncated = false
    // Chunks are at most FLUSH_BYTES-ish each, so a page reads a bounded number of rows.
    const rows = this.sql.all<{ seq: number; stream: string; data: string }>(
      'SELECT seq, stream, data FROM sandbox_process_log WHERE pid = ? AND seq >= ? ORDER BY seq LIMIT ?',
      pid,
      cursor,
      Math.ceil(limit / 1024) + 1,
    )
    for (const r of rows) {
      if (chunks.length > 0 && size + r.data.length > limit) {
        truncated = true
        break
      }
      chunks.push({ seq: r.seq, stream: r.stream as LogChunk['stream'], data: r.data })
      size += r.data.length
      next = r.seq + 1
    }
    if (!truncated && rows.length > 0) {
      truncated = this.sql.all('SELECT 1 FROM sandbox_process_log WHERE pid = ? AND seq >= ? LIMIT 1', pid, next).length > 0
    }
    const after = live ? this.get(pid) : info
    const lost = this.sql.all<{ chars: number; below: number }>('SELECT chars, below FROM sandbox_process_dropped WHERE pid = ?', pid)[0]
    const dropped = lost && cursor < lost.below ? lost.chars : 0
    return { chunks, dropped, text: chunks.map((c) => c.data).join(''), cursor: next, truncated, exit: after.exitCode, state: after.state }
  }

  /** True while `pid` runs in this object. */
  isRunning(pid: number): boolean {
    return this.#live.has(pid)
  }

  /** Ends a running process (its commands see an abort, status 143). Ended ones are left as they are. */
  async kill(pid: number): Promise<ProcessInfo> {
    this.get(pid)
    const live = this.#live.get(pid)
    if (live) {
      live.controller.abort({ status: 143 })
      await live.done
    }
    return this.get(pid)
  }

  /** Resolves with the exit status once `pid` ends (immediately for an ended one). */
  async wait(pid: number): Promise<ProcessInfo> {
    const live = this.#live.get(pid)
    if (live) await live.done
    return this.get(pid)
  }

  #changed(): void {
    for (const fn of this.#listeners) fn()
  }

  #stream(pid: number, live: Live, stream: 'stdout' | 'stderr'): OutputStream {
    const decoder = new TextDecoder()
    return {
      isTTY: false,
      write: async (chunk) => {
        const data = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })
        if (data === '') return
        const last = live.buffer[live.buffer.length - 1]
        if (last && last.stream === stream) last.data += data
        else live.buffer.push({ stream, data })
        live.bufferedBytes += data.length
        if (live.bufferedBytes >= FLUSH_BYTES) this.#flush(pid, live)
        else if (live.timer === undefined) live.timer = setTimeout(() => this.#flush(pid, live), FLUSH_MS)
      },
    }
  }

  #flush(pid: number, live: Live): void {
    if (live.timer !== undefined) clearTimeout(live.timer)
    live.timer = undefined
    if (live.buffer.length === 0) return
    const pending = live.buffer
    live.buffer = []
    live.bufferedBytes = 0
    this.sql.transaction(() => {
      const row = this.sql.all<{ next: number }>('SELECT COALESCE(MAX(seq) + 1, 0) AS next FROM sandbox_process_log WHERE pid = ?', pid)[0]
      let seq = row?.next ?? 0
      for (const c of pending) {
        live.kept.push({ seq, size: c.data.length })
        live.keptChars += c.data.length
        this.sql.run('INSERT INTO sandbox_process_log (pid, seq, stream, data) VALUES (?, ?, ?, ?)', pid, seq++, c.stream, c.data)
      }
      if (live.keptChars > this.#keepChars) this.#trim(pid, live)
    })
  }

  /** Drops the oldest output until the process keeps at most half its allowance. */
  #trim(pid: number, live: Live): void {
    let chars = 0
    let below = 0
    while (live.keptChars > this.#keepChars / 2 && live.kept.length > 1) {
      const oldest = live.kept.shift() as { seq: number; size: number }
      live.keptChars -= oldest.size
      chars += oldest.size
      below = oldest.seq + 1
    }
    if (chars === 0) return
    this.sql.run('DELETE FROM sandbox_process_log WHERE pid = ? AND seq < ?', pid, below)
    this.sql.run(
      'INSERT INTO sandbox_process_dropped (pid, chars, below) VALUES (?, ?, ?) ON CONFLICT (pid) DO UPDATE SET chars = chars + excluded.chars, below = excluded.below',
      pid,
      chars,
      below,
    )
  }
}
