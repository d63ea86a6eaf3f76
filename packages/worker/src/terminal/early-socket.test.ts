import { describe, expect, it } from 'vitest'
import type { SocketEvents } from './connection.js'
import { adoptEarlySocket, EARLY_SOCKET_GLOBAL, takeEarlySocket, type EarlySocket } from './early-socket.js'

/** The parts of a WebSocket the adoption touches, driven by the test. */
class FakeWebSocket {
  onopen: (() => void) | null = null
  onmessage: ((e: { data: unknown }) => void) | null = null
  onclose: ((e: { code: number; reason: string }) => void) | null = null
  sent: string[] = []
  closed: number | undefined
  send(data: string): void {
    this.sent.push(data)
  }
  close(code?: number): void {
    this.closed = code
  }
}

function early(url: string, events: unknown[][] = []): { early: EarlySocket; ws: FakeWebSocket } {
  const ws = new FakeWebSocket()
  return { early: { url, socket: ws as unknown as WebSocket, events }, ws }
}

function recorder(): { events: SocketEvents; log: unknown[][] } {
  const log: unknown[][] = []
  return {
    log,
    events: {
      open: () => log.push(['open']),
      message: (d) => log.push(['message', d]),
      close: (c, r) => log.push(['close', c, r]),
    },
  }
}

describe('takeEarlySocket', () => {
  it('takes the socket once, when it is for the same URL', () => {
    const { early: e } = early('ws://h/s/a/ws')
    const host: Record<string, unknown> = { [EARLY_SOCKET_GLOBAL]: e }
    expect(takeEarlySocket(host, 'ws://h/s/a/ws')).toBe(e)
    expect(takeEarlySocket(host, 'ws://h/s/a/ws')).toBeUndefined()
  })

  it('closes and ignores a socket for another URL', () => {
    const { early: e, ws } = early('ws://h/s/a/ws')
    const host: Record<string, unknown> = { [EARLY_SOCKET_GLOBAL]: e }
    expect(takeEarlySocket(host, 'ws://h/s/b/ws')).toBeUndefined()
    expect(ws.closed).toBe(1000)
  })

  it('ignores anything that is not an early socket', () => {
    expect(takeEarlySocket({}, 'ws://h/s/a/ws')).toBeUndefined()
    expect(takeEarlySocket({ [EARLY_SOCKET_GLOBAL]: { url: 'x' } }, 'x')).toBeUndefined()
  })
})

describe('adoptEarlySocket', () => {
  it('replays what happened before adoption, after the caller has the handle, then goes live', async () => {
    const { early: e, ws } = early('u', [['open'], ['message', '{"t":"h","d":""}']])
    const { events, log } = recorder()
    const handle = adoptEarlySocket(e, events)
    // Nothing is delivered synchronously: the connection has not stored the handle yet.
    expect(log).toEqual([])
    ws.onmessage?.({ data: 'during' })
    await Promise.resolve()
    expect(log).toEqual([['open'], ['message', '{"t":"h","d":""}'], ['message', 'during']])
    ws.onmessage?.({ data: 'live' })
    ws.onclose?.({ code: 1006, reason: '' })
    expect(log.slice(3)).toEqual([['message', 'live'], ['close', 1006, '']])
    handle.send('x')
    handle.close(1000)
    expect(ws.sent).toEqual(['x'])
    expect(ws.closed).toBe(1000)
  })

  it('passes on a close that happened before the bundle loaded', async () => {
    const { early: e } = early('u', [['close', 4401, 'unauthorized']])
    const { events, log } = recorder()
    adoptEarlySocket(e, events)
    await Promise.resolve()
    expect(log).toEqual([['close', 4401, 'unauthorized']])
  })
})
