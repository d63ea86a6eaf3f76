import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type { ServerMessage } from '../session/protocol.js'
import { TerminalConnection, type ConnectionState, type Refusal, type SocketEvents, type SocketFactory } from './connection.js'

/** A scripted stand-in for a WebSocket: the test plays the server's side. */
class FakeSocket {
  sent: string[] = []
  closed: { code?: number; reason?: string } | undefined
  constructor(
    readonly url: string,
    readonly events: SocketEvents,
  ) {}
  send(data: string): void {
    this.sent.push(data)
  }
  close(code?: number, reason?: string): void {
    this.closed = { code, reason }
  }
  frames(): unknown[] {
    return this.sent.map((s) => JSON.parse(s))
  }
}

function setup(overrides: { random?: () => number; diagnose?: () => Promise<Refusal | undefined> } = {}) {
  const sockets: FakeSocket[] = []
  const messages: ServerMessage[] = []
  const states: Array<{ state: ConnectionState; retryInMs?: number }> = []
  const createSocket: SocketFactory = (url, events) => {
    const s = new FakeSocket(url, events)
    sockets.push(s)
    return s
  }
  const conn = new TerminalConnection({
    url: 'ws://h/s/abc/ws',
    createSocket,
    onMessage: (m) => messages.push(m),
    onState: (state, info) => states.push({ state, retryInMs: info.retryInMs }),
    random: overrides.random ?? (() => 1),
    pingIntervalMs: 1000,
    deadAfterMs: 2500,
    maxQueuedChars: 10,
    ...(overrides.diagnose ? { diagnose: overrides.diagnose } : {}),
  })
  const last = (): FakeSocket => {
    const s = sockets.at(-1)
    if (!s) throw new Error('no socket yet')
    return s
  }
  return { conn, sockets, messages, states, last }
}

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('TerminalConnection', () => {
  it('connects, reports state, and passes server frames on', () => {
    const { conn, last, messages, states } = setup()
    conn.start()
    expect(last().url).toBe('ws://h/s/abc/ws')
    expect(conn.state).toBe('connecting')
    last().events.open()
    expect(conn.state).toBe('open')
    last().events.message('{"t":"h","d":"user@nimbus:~$ "}')
    last().events.message('{"t":"o","d":"hello\\r\\n"}')
    last().events.message('{"t":"pong"}')
    last().events.message('garbage')
    expect(messages).toEqual([
      { t: 'h', d: 'user@nimbus:~$ ' },
      { t: 'o', d: 'hello\r\n' },
    ])
    expect(states.map((s) => s.state)).toEqual(['connecting', 'open'])
  })

  it('sends input and resize frames in the wire format', () => {
    const { conn, last } = setup()
    conn.resize(80, 24)
    conn.start()
    last().events.open()
    conn.sendInput('ls\r')
    conn.resize(100, 30)
    conn.resize(0, 5)
    expect(last().frames()).toEqual([
      { t: 'r', c: 80, r: 24 },
      { t: 'i', d: 'ls\r' },
      { t: 'r', c: 100, r: 30 },
    ])
  })

  it('reconnects with growing, capped delays after drops, and resends the size', () => {
    const { conn, sockets, last, states } = setup()
    conn.resize(90, 20)
    conn.start()
    last().events.open()
    last().events.close(1006, '')
    expect(conn.state).toBe('reconnecting')
    expect(states.at(-1)).toEqual({ state: 'reconnecting', retryInMs: 250 })

    // Each failed try doubles the wait.
    const waits: number[] = []
    for (let i = 0; i < 8; i++) {
      const before = sockets.length
      const wait = states.at(-1)?.retryInMs ?? -1
      waits.push(wait)
      vi.advanceTimersByTime(wait - 1)
      expect(sockets.length).toBe(before)
      vi.advanceTimersByTime(1)
      expect(sockets.length).toBe(before + 1)
      last().events.close(1006, '')
    }
    expect(waits).toEqual([250, 500, 1000, 2000, 4000, 8000, 10000, 10000])

    // A socket that opens and delivers resets the backoff and gets the size again.
    vi.advanceTimersByTime(10_000)
    last().events.open()
    last().events.message('{"t":"h","d":""}')
    expect(conn.state).toBe('open')
    expect(last().frames()).toEqual([{ t: 'r', c: 90, r: 20 }])
    last().events.close(1006, '')
    expect(states.at(-1)).toEqual({ state: 'reconnecting', retryInMs: 250 })
  })

  it('keeps backing off when the server accepts and then closes at once', () => {
    const { conn, last, states } = setup()
    conn.start()
    for (const expected of [250, 500, 1000]) {
      last().events.open()
      last().events.close(1011, 'internal error')
      expect(states.at(-1)).toEqual({ state: 'reconnecting', retryInMs: expected })
      vi.advanceTimersByTime(expected)
    }
  })

  it('queues input typed while disconnected and flushes it in order, within a limit', () => {
    const { conn, last } = setup()
    conn.start()
    expect(conn.sendInput('ab')).toBe(true)
    expect(conn.sendInput('cd')).toBe(true)
    expect(conn.sendInput('0123456789')).toBe(false)
    last().events.open()
    expect(last().frames()).toEqual([{ t: 'i', d: 'abcd' }])
  })

  it('pings while open and replaces a socket that stopped answering', () => {
    const { conn, sockets, last } = setup()
    conn.start()
    const first = last()
    first.events.open()
    vi.advanceTimersByTime(1000)
    expect(first.frames()).toEqual([{ t: 'ping' }])
    first.events.message('{"t":"pong"}')
    vi.advanceTimersByTime(2000)
    expect(first.frames()).toEqual([{ t: 'ping' }, { t: 'ping' }, { t: 'ping' }])
    // Silence past deadAfterMs: the socket is closed and a new one opened after backoff.
    vi.advanceTimersByTime(1000)
    expect(first.closed?.code).toBe(4000)
    expect(conn.state).toBe('reconnecting')
    vi.advanceTimersByTime(250)
    expect(sockets.length).toBe(2)
    // Late events from the abandoned socket change nothing.
    first.events.message('{"t":"o","d":"stale"}')
    first.events.close(1006, '')
    expect(conn.state).toBe('reconnecting')
  })

  it('reconnectNow skips the remaining wait', () => {
    const { conn, sockets, last } = setup()
    conn.start()
    last().events.open()
    last().events.message('{"t":"o","d":""}')
    for (let i = 0; i < 5; i++) {
      last().events.close(1006, '')
      vi.runOnlyPendingTimers()
    }
    last().events.close(1006, '')
    const before = sockets.length
    conn.reconnectNow()
    expect(sockets.length).toBe(before + 1)
    // The skipped timer must not open a second socket later.
    vi.advanceTimersByTime(60_000)
    expect(sockets.length).toBe(before + 1)
  })

  it('treats a throwing socket constructor as a failed attempt', () => {
    let calls = 0
    const conn = new TerminalConnection({
      url: 'ws://h/s/a/ws',
      createSocket: () => {
        calls++
        throw new Error('blocked')
      },
      onMessage: () => {},
      random: () => 1,
    })
    conn.start()
    expect(conn.state).toBe('reconnecting')
    vi.advanceTimersByTime(250)
    expect(calls).toBe(2)
    conn.stop()
    vi.advanceTimersByTime(60_000)
    expect(calls).toBe(2)
  })

  it('stop closes the socket and never reconnects', () => {
    const { conn, sockets, last } = setup()
    conn.start()
    last().events.open()
    conn.stop()
    expect(last().closed?.code).toBe(1000)
    last().events.close(1000, '')
    vi.advanceTimersByTime(60_000)
    expect(sockets.length).toBe(1)
    expect(conn.state).toBe('closed')
    expect(conn.sendInput('x')).toBe(false)
  })

  it('splits a huge paste into frames under the size limit without breaking surrogate pairs', () => {
    const { conn, last } = setup()
    conn.start()
    last().events.open()
    const paste = '😀'.repeat(100_000)
    conn.sendInput(paste)
    const frames = last().frames() as Array<{ t: string; d: string }>
    expect(frames.length).toBeGreaterThan(1)
    for (const s of last().sent) expect(new TextEncoder().encode(s).length).toBeLessThan(1024 * 1024)
    expect(frames.map((f) => f.d).join('')).toBe(paste)
    // A lone high surrogate at the end of a frame would mean a split pair.
    for (const f of frames) expect(/[\ud800-\udbff]$/.test(f.d)).toBe(false)
  })

  it('stops for good when the session refuses the page', () => {
    const { conn, sockets, last, states } = setup()
    conn.start()
    last().events.open()
    last().events.close(4401, 'token expired')
    expect(conn.state).toBe('closed')
    expect(states.at(-1)?.state).toBe('closed')
    vi.advanceTimersByTime(60_000)
    expect(sockets.length).toBe(1)
    expect(conn.sendInput('x')).toBe(false)
  })

  it('asks why a socket that never opened was refused, and stops on a refusal', async () => {
    let asked = 0
    const { conn, sockets, last, states } = setup({
      diagnose: async () => {
        asked++
        return { code: 4401, reason: 'Token expired (E_TOKEN_EXPIRED)' }
      },
    })
    conn.start()
    last().events.close(1006, '')
    await vi.advanceTimersByTimeAsync(0)
    expect(asked).toBe(1)
    expect(conn.state).toBe('closed')
    expect(states.at(-1)).toEqual({ state: 'closed', retryInMs: undefined })
    await vi.advanceTimersByTimeAsync(60_000)
    expect(sockets.length).toBe(1)
  })

  it('retries as before when the diagnosis finds no refusal or fails, and never asks after an open', async () => {
    const verdicts: Array<() => Promise<Refusal | undefined>> = [async () => undefined, async () => Promise.reject(new Error('offline'))]
    let asked = 0
    const { conn, sockets, last } = setup({ diagnose: () => (verdicts[asked++] ?? (async () => undefined))() })
    conn.start()
    last().events.close(1006, '')
    await vi.advanceTimersByTimeAsync(0)
    expect(conn.state).toBe('reconnecting')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(sockets.length).toBe(2)
    last().events.close(1006, '')
    await vi.advanceTimersByTimeAsync(60_000)
    expect(asked).toBe(2)
    expect(sockets.length).toBe(3)
    last().events.open()
    last().events.close(1006, '')
    await vi.advanceTimersByTimeAsync(0)
    expect(asked).toBe(2)
    expect(conn.state).toBe('reconnecting')
  })

  it('a stop while the diagnosis is pending stays stopped', async () => {
    let answer: (r: Refusal | undefined) => void = () => undefined
    const { conn, sockets, last } = setup({ diagnose: () => new Promise((resolve) => (answer = resolve)) })
    conn.start()
    last().events.close(1006, '')
    conn.stop()
    answer(undefined)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(conn.state).toBe('closed')
    expect(sockets.length).toBe(1)
  })

  it('keeps retrying after ordinary closes, including 4000-range codes outside 44xx', () => {
    for (const code of [1000, 1001, 1005, 1006, 1011, 1012, 4000, 4500]) {
      const { conn, last } = setup()
      conn.start()
      last().events.open()
      last().events.close(code, '')
      expect(conn.state).toBe('reconnecting')
      conn.stop()
    }
  })
})
