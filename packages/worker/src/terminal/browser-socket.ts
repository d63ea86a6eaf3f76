/**
 * Adapts the browser's WebSocket to the small `SocketFactory` shape the connection uses. The
 * first call adopts the socket the page's inline script already opened, when it is for the
 * same URL; every later call (reconnects) opens a fresh one.
 */
import type { SocketFactory } from './connection.js'
import { adoptEarlySocket, takeEarlySocket } from './early-socket.js'

export const browserSocket: SocketFactory = (url, events) => {
  const early = takeEarlySocket(window as unknown as Record<string, unknown>, url)
  if (early) return adoptEarlySocket(early, events)
  const ws = new WebSocket(url)
  ws.onopen = () => events.open()
  ws.onmessage = (ev: MessageEvent<unknown>) => events.message(ev.data)
  // A failed handshake fires `error` and then `close`; the close drives the retry.
  ws.onclose = (ev: CloseEvent) => events.close(ev.code, ev.reason)
  return {
    send: (data) => ws.send(data),
    close: (code, reason) => ws.close(code, reason),
  }
}
