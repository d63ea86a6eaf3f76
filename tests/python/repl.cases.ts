/**
 * The Python REPL driven through the terminal WebSocket, as the browser terminal drives it:
 * `>>>` and `...` prompts, names kept between lines, tracebacks, Ctrl-C on a line being
 * typed, files shared with the shell, and Ctrl-D back to the shell prompt.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { PythonWorker } from './dev-worker.mjs'




interface Terminal {
  screen(): string
  type(text: string): void
  waitFor(text: string | RegExp, after?: number): Promise<number>
  close(): void
}

async function openTerminal(origin: string, sessionId: string): Promise<Terminal> {
  const ws = new WebSocket(`${origin.replace('http', 'ws')}/s/${sessionId}/ws?cols=100&rows=30`)
  let screen = ''
  const waiters = new Set<() => void>()
  ws.addEventListener('message', (ev) => {
    const msg = JSON.parse(String(ev.data)) as { t: string; d?: string }
    if ((msg.t === 'o' || msg.t === 'h') && msg.d) screen += msg.d
    for (const w of waiters) w()
  })
  await new Promise<void>((resolve, reject) => {
    ws.addEventListener('open', () => resolve(), { once: true })
    ws.addEventListener('error', () => reject(new Error('terminal socket failed')), { once: true })
  })
  return {
    screen: () => screen,
    type: (text) => ws.send(JSON.stringify({ t: 'i', d: text })),
    /** Resolves with the index just past `text`'s first match at or after `after`. */
    waitFor: (text, after = 0) =>
      new Promise<number>((resolve, reject) => {
        const find = (): number => {
          const rest = screen.slice(after)
          if (typeof text === 'string') {
            const i = rest.indexOf(text)
            return i < 0 ? -1 : after + i + text.length
          }
          const m = text.exec(rest)
          return m ? after + m.index + m[0].length : -1
        }
        const timer = setTimeout(() => {
          waiters.delete(check)
          reject(new Error(`no ${String(text)} on the screen within 60 s; screen:\n${screen.slice(after)}`))
        }, 60_000)
        const check = (): void => {
          const at = find()
          if (at < 0) return
          waiters.delete(check)
          clearTimeout(timer)
          resolve(at)
        }
        waiters.add(check)
        check()
      }),
    close: () => ws.close(),
  }
}

/** Registers these cases; `server` is the shared test Worker, started by runtimes.test.ts. */
export function replCases(server: () => PythonWorker): void {
  let dev: PythonWorker
  beforeAll(() => {
    dev = server()
  })
  describe('python REPL in the terminal', () => {
    it('prompts, keeps names, prints results and tracebacks, handles Ctrl-C and Ctrl-D', async () => {
      const term = await openTerminal(dev.origin, `repl-${process.pid}`)
      try {
        let at = await term.waitFor('$ ')
        term.type('python\r')
        at = await term.waitFor('>>> ', at)
        expect(term.screen()).toMatch(/Python 3\.\d+\.\d+ \(pyodide [\d.]+\)/)
        term.type('x = 6\r')
        at = await term.waitFor('>>> ', at)
        term.type('x * 7\r')
        at = await term.waitFor('42\r\n>>> ', at)
        term.type('def f(n):\r')
        at = await term.waitFor('... ', at)
        term.type('    return n + 1\r')
        at = await term.waitFor('... ', at)
        term.type('\r')
        at = await term.waitFor('>>> ', at)
        term.type('f(x)\r')
        at = await term.waitFor('7\r\n>>> ', at)
        term.type('1 / 0\r')
        at = await term.waitFor('ZeroDivisionError: division by zero\r\n>>> ', at)
        term.type('open("from_repl.txt", "w").write("hi")\r')
        at = await term.waitFor('2\r\n>>> ', at)
        term.type('half typed')
        term.type('\x03')
        at = await term.waitFor('KeyboardInterrupt\r\n>>> ', at)
        term.type('x\r')
        at = await term.waitFor('6\r\n>>> ', at)
        term.type('\x04')
        at = await term.waitFor('$ ', at)
        term.type('cat from_repl.txt; echo\r')
        await term.waitFor('hi\r\n', at)
      } finally {
        term.close()
      }
    }, 120_000)
  })
}
