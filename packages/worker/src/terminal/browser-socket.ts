/** Adapts the browser's WebSocket to the small `SocketFactory` shape the connection uses. */
import type { SocketFactory } from './connection.js'

export const browserSocket: SocketFactory = (url, events) => {
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
