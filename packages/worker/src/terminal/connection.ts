/**
 * The terminal page's link to its session: one WebSocket at a time, re-opened with capped,
 * jittered backoff when it drops, a keep-alive ping that also notices a silently dead link,
 * and a small input queue so keystrokes typed while reconnecting are not lost. It knows
 * nothing about the DOM: the page hands it a socket factory, which keeps it testable in Node.
 */
import { MAX_FRAME_BYTES, type ClientMessage, type ServerMessage } from '../session/protocol.js'
import { backoffDelay, DEFAULT_BACKOFF, type BackoffOptions } from './backoff.js'
import { parseServerMessage } from './server-message.js'

export type ConnectionState = 'connecting' | 'open' | 'reconnecting' | 'closed'

/** What the connection needs from a socket; `browserSocket` adapts the DOM WebSocket. */
export interface SocketHandle {
  send(data: string): void
  close(code?: number, reason?: string): void
}

export interface SocketEvents {
  open(): void
  message(data: unknown): void
  close(code: number, reason: string): void
}

export type SocketFactory = (url: string, events: SocketEvents) => SocketHandle

export interface StateInfo {
  /** Consecutive failed attempts so far. */
  attempt: number
  /** When reconnecting: how long until the next try. */
  retryInMs?: number
  /** Why the last socket closed, when known. */
  closeCode?: number
  closeReason?: string
}

export interface ConnectionOptions {
  url: string
  createSocket: SocketFactory
  onMessage(msg: ServerMessage): void
  onState?(state: ConnectionState, info: StateInfo): void
  backoff?: BackoffOptions
  random?: () => number
  /** How often to ping an open socket. */
  pingIntervalMs?: number
  /** A socket silent for this long is treated as dead and replaced. */
  deadAfterMs?: number
  /** Most input kept while disconnected; beyond it keystrokes are dropped. */
  maxQueuedChars?: number
  /**
   * Asked when a socket closes without ever opening. A browser reports a refused upgrade
   * (say, HTTP 401 for an expired token) only as close code 1006, so the page asks the
   * server over plain HTTP why; a refusal ends the retries instead of retrying forever.
   */
  diagnose?(): Promise<Refusal | undefined>
}

/** Why the session refuses this page, as a final close code (4400–4499) and reason. */
export interface Refusal {
  code: number
  reason: string
}

/** Input is split so that even worst-case JSON escaping stays under the frame limit. */
const INPUT_CHUNK_CHARS = Math.floor(MAX_FRAME_BYTES / 16)

export class TerminalConnection {
  readonly #opts: Required<Omit<ConnectionOptions, 'onState' | 'diagnose'>> & Pick<ConnectionOptions, 'onState' | 'diagnose'>
  #state: ConnectionState = 'closed'
  #socket: SocketHandle | undefined
  #attempt = 0
  #retryTimer: ReturnType<typeof setTimeout> | undefined
  #pingTimer: ReturnType<typeof setInterval> | undefined
  #lastHeard = 0
  #stopped = true
  #queue: string[] = []
  #queued = 0
  #size: { c: number; r: number } | undefined

  constructor(opts: ConnectionOptions) {
    this.#opts = {
      backoff: DEFAULT_BACKOFF,
      random: Math.random,
      pingIntervalMs: 30_000,
      deadAfterMs: 75_000,
      maxQueuedChars: 64 * 1024,
      ...opts,
    }
  }

  get state(): ConnectionState {
    return this.#state
  }

  /** Opens the first socket. Calling it again while running does nothing. */
  start(): void {
    if (!this.#stopped) return
    this.#stopped = false
    this.#attempt = 0
    this.#connect()
  }

  /** Closes for good: no more reconnects. */
  stop(): void {
    this.#stopped = true
    this.#clearTimers()
    const s = this.#socket
    this.#socket = undefined
    s?.close(1000, 'closed by page')
    this.#setState('closed', { attempt: this.#attempt })
  }

  /** Skips the rest of a backoff wait, e.g. when the browser comes back online. */
  reconnectNow(): void {
    if (this.#stopped || this.#state !== 'reconnecting' || this.#retryTimer === undefined) return
    clearTimeout(this.#retryTimer)
    this.#retryTimer = undefined
    this.#connect()
  }

  /** Sends keystrokes now, or queues them until the socket is back. False when dropped. */
  sendInput(data: string): boolean {
    if (data.length === 0) return true
    if (this.#state === 'open') {
      for (const chunk of chunks(data)) this.#send({ t: 'i', d: chunk })
      return true
    }
    if (this.#stopped || this.#queued + data.length > this.#opts.maxQueuedChars) return false
    this.#queue.push(data)
    this.#queued += data.length
    return true
  }

  /** Records the terminal size and tells the session; sent again after every reconnect. */
  resize(cols: number, rows: number): void {
    if (!Number.isInteger(cols) || !Number.isInteger(rows) || cols <= 0 || rows <= 0) return
    this.#size = { c: Math.min(cols, 1000), r: Math.min(rows, 1000) }
    if (this.#state === 'open') this.#send({ t: 'r', ...this.#size })
  }

  #connect(): void {
    this.#setState(this.#attempt === 0 && this.#state !== 'reconnecting' ? 'connecting' : 'reconnecting', {
      attempt: this.#attempt,
    })
    let socket: SocketHandle | undefined
    let opened = false
    // Events from a socket that has since been replaced must not touch the current one.
    const current = (): boolean => socket !== undefined && socket === this.#socket
    try {
      socket = this.#opts.createSocket(this.#opts.url, {
        open: () => {
          opened = true
          if (current()) this.#opened()
        },
        message: (data) => current() && this.#received(data),
        close: (code, reason) => current() && this.#dropped(code, reason, opened),
      })
    } catch {
      // A constructor that throws (bad URL, blocked port) is one more failed attempt.
      this.#socket = undefined
      this.#scheduleRetry(undefined, undefined)
      return
    }
    this.#socket = socket
  }

  #opened(): void {
    this.#lastHeard = Date.now()
    this.#setState('open', { attempt: this.#attempt })
    if (this.#size) this.#send({ t: 'r', ...this.#size })
    const queued = this.#queue.join('')
    this.#queue = []
    this.#queued = 0
    if (queued) this.sendInput(queued)
    this.#pingTimer = setInterval(() => this.#keepAlive(), this.#opts.pingIntervalMs)
  }

  #received(data: unknown): void {
    this.#lastHeard = Date.now()
    // Only a socket that delivered something counts as healthy; one that opens and closes
    // at once (a refused attach) keeps backing off instead of spinning.
    this.#attempt = 0
    const msg = parseServerMessage(data)
    if (msg && msg.t !== 'pong') this.#opts.onMessage(msg)
  }

  #keepAlive(): void {
    if (Date.now() - this.#lastHeard > this.#opts.deadAfterMs) {
      const s = this.#socket
      this.#dropped(4000, 'no reply to keep-alive', true)
      s?.close(4000, 'no reply to keep-alive')
      return
    }
    this.#send({ t: 'ping' })
  }

  #dropped(code: number | undefined, reason: string | undefined, opened: boolean): void {
    this.#socket = undefined
    this.#clearTimers()
    if (this.#stopped) return
    if (code !== undefined && isFinalClose(code)) return this.#refused({ code, reason: reason ?? '' })
    const diagnose = this.#opts.diagnose
    if (opened || diagnose === undefined) return this.#scheduleRetry(code, reason)
    // Wait for the verdict before retrying: a refusal must not be followed by another try.
    this.#setState('reconnecting', { attempt: this.#attempt, ...(code === undefined ? {} : { closeCode: code }) })
    diagnose()
      .catch(() => undefined)
      .then((refusal) => {
        if (this.#stopped || this.#socket !== undefined) return
        if (refusal && isFinalClose(refusal.code)) this.#refused(refusal)
        else this.#scheduleRetry(code, reason)
      })
  }

  /** The session refused this page (bad or expired token, policy): retrying cannot help. */
  #refused({ code, reason }: Refusal): void {
    this.#stopped = true
    const info: StateInfo = { attempt: this.#attempt, closeCode: code }
    if (reason) info.closeReason = reason
    this.#setState('closed', info)
  }

  #scheduleRetry(code: number | undefined, reason: string | undefined): void {
    const delay = backoffDelay(this.#attempt, this.#opts.backoff, this.#opts.random)
    this.#attempt++
    const info: StateInfo = { attempt: this.#attempt, retryInMs: delay }
    if (code !== undefined) info.closeCode = code
    if (reason) info.closeReason = reason
    this.#setState('reconnecting', info)
    this.#retryTimer = setTimeout(() => {
      this.#retryTimer = undefined
      if (!this.#stopped) this.#connect()
    }, delay)
  }

  #send(msg: ClientMessage): void {
    try {
      this.#socket?.send(JSON.stringify(msg))
    } catch {
      // A socket that fails to send is closing; its close event drives the reconnect.
    }
  }

  #clearTimers(): void {
    if (this.#retryTimer !== undefined) clearTimeout(this.#retryTimer)
    if (this.#pingTimer !== undefined) clearInterval(this.#pingTimer)
    this.#retryTimer = undefined
    this.#pingTimer = undefined
  }

  #setState(state: ConnectionState, info: StateInfo): void {
    this.#state = state
    this.#opts.onState?.(state, info)
  }
}

/**
 * Close codes that mean "do not come back": 1008 (policy violation) and the application
 * range 4400–4499, which the session uses like HTTP 4xx for refusals such as an invalid token.
 */
export function isFinalClose(code: number): boolean {
  return code === 1008 || (code >= 4400 && code <= 4499)
}

function* chunks(data: string): Generator<string> {
  let start = 0
  while (start < data.length) {
    let end = Math.min(data.length, start + INPUT_CHUNK_CHARS)
    // Never split a surrogate pair across two frames.
    const last = data.charCodeAt(end - 1)
    if (end < data.length && last >= 0xd800 && last <= 0xdbff) end--
    yield data.slice(start, end)
    start = end
  }
}
