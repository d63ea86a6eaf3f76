/**
 * The terminal page opens its session socket from a tiny inline script in `s/index.html`,
 * before the terminal bundle has loaded, so the handshake and the session's first output
 * overlap the bundle download and xterm's start-up. That script records what the socket did
 * in the meantime; the bundle adopts the socket here and replays those events in order.
 */
import type { SocketEvents, SocketHandle } from './connection.js'

/** What the inline script leaves on `window.nimbusEarlySocket`. */
export interface EarlySocket {
  url: string
  socket: WebSocket
  /** `['open']`, `['message', data]` or `['close', code, reason]`, in arrival order. */
  events: unknown[][]
}

export const EARLY_SOCKET_GLOBAL = 'nimbusEarlySocket'

/** Takes the early socket off the page (once). A socket for another URL is closed and ignored. */
export function takeEarlySocket(host: Record<string, unknown>, url: string): EarlySocket | undefined {
  const early = host[EARLY_SOCKET_GLOBAL]
  delete host[EARLY_SOCKET_GLOBAL]
  if (!isEarlySocket(early)) return undefined
  if (early.url === url) return early
  try {
    early.socket.close(1000, 'not needed')
  } catch {
    // Already closed.
  }
  return undefined
}

/**
 * Hands an early socket to the connection: events recorded so far are delivered in order
 * once the caller has stored the handle (a microtask later), then live events follow.
 */
export function adoptEarlySocket(early: EarlySocket, events: SocketEvents): SocketHandle {
  const ws = early.socket
  const backlog = early.events
  let draining = true
  const deliver = (ev: unknown[]): void => {
    const [kind, a, b] = ev
    if (kind === 'open') events.open()
    else if (kind === 'message') events.message(a)
    else if (kind === 'close') events.close(typeof a === 'number' ? a : 1006, typeof b === 'string' ? b : '')
  }
  const live = (ev: unknown[]): void => {
    if (draining) backlog.push(ev)
    else deliver(ev)
  }
  ws.onopen = () => live(['open'])
  ws.onmessage = (e: MessageEvent<unknown>) => live(['message', e.data])
  ws.onclose = (e: CloseEvent) => live(['close', e.code, e.reason])
  queueMicrotask(() => {
    for (let i = 0; i < backlog.length; i++) deliver(backlog[i] ?? [])
    backlog.length = 0
    draining = false
  })
  return {
    send: (data) => ws.send(data),
    close: (code, reason) => ws.close(code, reason),
  }
}

function isEarlySocket(value: unknown): value is EarlySocket {
  if (typeof value !== 'object' || value === null) return false
  const v = value as Record<string, unknown>
  return typeof v.url === 'string' && typeof v.socket === 'object' && v.socket !== null && Array.isArray(v.events)
}
