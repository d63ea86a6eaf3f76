/** A test client for the terminal WebSocket: collects frames, waits for output. */
import { SELF } from 'cloudflare:test'
import type { ServerMessage } from '../src/session/protocol.js'

export interface TestTerminal {
  messages: ServerMessage[]
  /** Everything shown so far: replayed scrollback plus live output. */
  screen(): string
  send(frame: unknown): void
  type(text: string): void
  waitFor(pred: (screen: string) => boolean, what: string, timeoutMs?: number): Promise<void>
  close(): void
}

export async function openTerminal(sessionId: string, headers: Record<string, string> = {}): Promise<TestTerminal> {
  const res = await SELF.fetch(`http://nimbus.test/s/${sessionId}/ws`, { headers: { upgrade: 'websocket', ...headers } })
  const ws = res.webSocket
  if (!ws) throw new Error(`no WebSocket: HTTP ${res.status} ${await res.text()}`)
  ws.accept()
  const messages: ServerMessage[] = []
  const waiters = new Set<() => void>()
  ws.addEventListener('message', (ev) => {
    messages.push(JSON.parse(String(ev.data)) as ServerMessage)
    for (const w of waiters) w()
  })
  const screen = () => messages.map((m) => (m.t === 'o' || m.t === 'h' ? m.d : '')).join('')
  // The replay frame comes first; wait for it so callers see the attach state.
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error('no replay frame within 5 s')), 5000)
    const check = () => {
      if (messages.length === 0) return
      waiters.delete(check)
      clearTimeout(timer)
      resolve()
    }
    waiters.add(check)
  })
  return {
    messages,
    screen,
    send: (frame) => ws.send(typeof frame === 'string' ? frame : JSON.stringify(frame)),
    type: (text) => ws.send(JSON.stringify({ t: 'i', d: text })),
    close: () => ws.close(),
    waitFor(pred, what, timeoutMs = 5000) {
      return new Promise((resolve, reject) => {
        const check = () => {
          if (!pred(screen())) return
          waiters.delete(check)
          clearTimeout(timer)
          resolve()
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`timed out waiting for ${what}; screen:\n${screen()}`))
        }, timeoutMs)
        waiters.add(check)
        check()
      })
    },
  }
}

/** Occurrences of `needle` in `hay`. */
export const count = (hay: string, needle: string): number => hay.split(needle).length - 1
