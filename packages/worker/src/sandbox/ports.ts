/**
 * Virtual ports: a program in the sandbox (the `serve` command, later node's
 * `http.createServer`) listens by registering a request handler for a port number; the
 * router forwards `/s/<id>/port/<n>/…` here. Which ports are exposed is kept in SQLite;
 * listeners live in memory with the process that owns them, so a port whose process ended
 * (or whose object restarted) answers 502 `E_PORT_NOT_LISTENING`.
 */
import type { SqlStore } from '../vfs/sql.js'
import { SandboxError } from './errors.js'

/** Handles one request; the URL's path is relative to the port (`/index.html`). */
export type PortHandler = (request: Request) => Response | Promise<Response>

export interface PortInfo {
  port: number
  exposed: boolean
  listening: boolean
  /** Public URL when exposed: `<endpoint>/s/<id>/port/<n>/`. */
  url?: string
}

export const MIN_PORT = 1
export const MAX_PORT = 65535

export function checkPort(port: number): number {
  if (!Number.isInteger(port) || port < MIN_PORT || port > MAX_PORT) {
    throw new SandboxError('E_INVALID_PARAMS', `port: expected an integer from ${MIN_PORT} to ${MAX_PORT}, got ${port}`)
  }
  return port
}

/** `<endpoint>/s/<id>/port/<n>/`, or the path alone when no endpoint is known. */
export const portUrl = (endpoint: string | undefined, sandboxId: string, port: number): string =>
  `${endpoint ?? ''}/s/${encodeURIComponent(sandboxId)}/port/${port}/`

export class PortRegistry {
  readonly #listeners = new Map<number, PortHandler>()

  constructor(private readonly sql: SqlStore) {
    sql.run('CREATE TABLE IF NOT EXISTS sandbox_port (port INTEGER PRIMARY KEY, exposed_at INTEGER NOT NULL)')
  }

  /** Starts listening on `port`; returns the function that stops. Throws E_PORT_IN_USE. */
  listen(port: number, handler: PortHandler): () => void {
    checkPort(port)
    if (this.#listeners.has(port)) throw new SandboxError('E_PORT_IN_USE', `port ${port} is already in use`)
    this.#listeners.set(port, handler)
    return () => {
      if (this.#listeners.get(port) === handler) this.#listeners.delete(port)
    }
  }

  isListening(port: number): boolean {
    return this.#listeners.has(port)
  }

  expose(port: number): void {
    checkPort(port)
    this.sql.run('INSERT OR IGNORE INTO sandbox_port (port, exposed_at) VALUES (?, ?)', port, Date.now())
  }

  unexpose(port: number): void {
    checkPort(port)
    this.sql.run('DELETE FROM sandbox_port WHERE port = ?', port)
  }

  isExposed(port: number): boolean {
    return this.sql.all('SELECT 1 FROM sandbox_port WHERE port = ?', port).length > 0
  }

  /** Exposed ports and ports with a listener, in order. */
  list(urlOf?: (port: number) => string): PortInfo[] {
    const exposed = new Set(this.sql.all<{ port: number }>('SELECT port FROM sandbox_port').map((r) => r.port))
    const ports = [...new Set([...exposed, ...this.#listeners.keys()])].sort((a, b) => a - b)
    return ports.map((port) => ({
      port,
      exposed: exposed.has(port),
      listening: this.#listeners.has(port),
      ...(exposed.has(port) && urlOf ? { url: urlOf(port) } : {}),
    }))
  }

  /** Hands a request to the port's listener; 502 E_PORT_NOT_LISTENING when unexposed or closed. */
  async dispatch(port: number, request: Request): Promise<Response> {
    const handler = this.#listeners.get(port)
    if (!this.isExposed(port) || !handler) {
      const why = this.isExposed(port) ? 'nothing is listening on it' : 'it is not exposed'
      return Response.json({ ok: false, error: `port ${port}: ${why}`, code: 'E_PORT_NOT_LISTENING' }, { status: 502, headers: { 'cache-control': 'no-store' } })
    }
    try {
      return await handler(request)
    } catch (e) {
      console.error(`nimbus: listener on port ${port} failed`, e)
      return Response.json({ ok: false, error: `port ${port}: the listener failed`, code: 'E_PORT_LISTENER_FAILED' }, { status: 502 })
    }
  }
}
