/**
 * Entry of the terminal page (`/s/<id>/`): an xterm.js screen wired to the session's
 * WebSocket. The session owns the shell, the line editor and the scrollback; this page only
 * draws what it is sent, forwards keystrokes and its size, and keeps the link alive.
 * esbuild bundles it with the xterm CSS into `public/_assets/terminal.{js,css}`.
 */
import '@xterm/xterm/css/xterm.css'
import './terminal.css'
import { FitAddon } from '@xterm/addon-fit'
import { WebLinksAddon } from '@xterm/addon-web-links'
import { Terminal } from '@xterm/xterm'
import { browserSocket } from './browser-socket.js'
import { TerminalConnection } from './connection.js'
import { askWhyRefused } from './refusal.js'
import { sessionIdFromPath, terminalSocketUrl } from './session-url.js'
import { renderStatus } from './status.js'
import { THEME } from './theme.js'

const DIM = '\x1b[2m'
const RED = '\x1b[31m'
const RESET = '\x1b[0m'

function element(id: string): HTMLElement {
  const el = document.getElementById(id)
  if (!el) throw new Error(`terminal page is missing #${id}`)
  return el
}

function boot(): void {
  const screen = element('terminal')
  const status = element('status')
  const term = new Terminal({
    cursorBlink: true,
    fontFamily: 'ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", "Liberation Mono", monospace',
    fontSize: 14,
    scrollback: 5000,
    theme: THEME,
  })
  const fit = new FitAddon()
  term.loadAddon(fit)
  // Links open in a new tab that cannot reach back into this page.
  term.loadAddon(new WebLinksAddon((_event, uri) => window.open(uri, '_blank', 'noopener,noreferrer')))
  term.open(screen)
  fit.fit()
  term.focus()

  const id = sessionIdFromPath(location.pathname)
  if (id === undefined) {
    term.write(`${RED}This address is not a Nimbus session. Open /new to start one.${RESET}\r\n`)
    renderStatus(status, 'closed', { attempt: 0 })
    return
  }
  document.title = `${id} · Nimbus`
  element('session-id').textContent = id

  let wasOpen = false
  const socketUrl = terminalSocketUrl(location, id)
  const conn = new TerminalConnection({
    url: socketUrl,
    createSocket: browserSocket,
    diagnose: () => askWhyRefused(socketUrl),
    onMessage(msg) {
      switch (msg.t) {
        case 'h':
          // The session replays its recent output on every attach: start from a clean screen
          // so a reload or reconnect shows exactly one copy.
          term.reset()
          term.write(msg.d)
          break
        case 'o':
          term.write(msg.d)
          break
        case 'e':
          term.write(`\r\n${RED}[nimbus] ${msg.error} (${msg.code})${RESET}\r\n`)
          break
        case 'pong':
          break
      }
    },
    onState(state, info) {
      renderStatus(status, state, info)
      if (state === 'open') wasOpen = true
      if (state === 'reconnecting' && wasOpen) {
        wasOpen = false
        term.write(`\r\n${DIM}[connection lost, reconnecting…]${RESET}\r\n`)
      }
      if (state === 'closed' && info.closeCode !== undefined) {
        const why = info.closeReason ? `: ${info.closeReason}` : ''
        term.write(`\r\n${RED}[nimbus] the session closed this terminal (${info.closeCode})${why}. Reload to try again.${RESET}\r\n`)
      }
    },
  })

  term.onData((data) => conn.sendInput(data))
  term.onResize(({ cols, rows }) => conn.resize(cols, rows))
  conn.resize(term.cols, term.rows)

  // Refit at most once per frame however many resize events arrive.
  let pending = false
  new ResizeObserver(() => {
    if (pending) return
    pending = true
    requestAnimationFrame(() => {
      pending = false
      fit.fit()
    })
  }).observe(screen)

  // Coming back online or to the tab is a good moment to skip the rest of a backoff wait.
  window.addEventListener('online', () => conn.reconnectNow())
  document.addEventListener('visibilitychange', () => {
    if (document.visibilityState === 'visible') conn.reconnectNow()
  })
  conn.start()
}

boot()
