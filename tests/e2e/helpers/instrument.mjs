/**
 * A script added to every page before its own code runs: it records the terminal socket's
 * frames and the connection badge's states, and keeps the sockets reachable so a test can
 * drop one the way a flaky network would. The product code has no test hooks of its own.
 */
export function instrumentTerminalPage() {
  const probe = { sent: [], received: [], sockets: [], states: [] }
  Object.defineProperty(window, '__nimbusProbe', { value: probe })
  const Native = window.WebSocket
  class RecordingWebSocket extends Native {
    constructor(url, protocols) {
      super(url, protocols)
      probe.sockets.push(this)
      this.addEventListener('message', (ev) => probe.received.push(String(ev.data)))
    }
    send(data) {
      probe.sent.push(String(data))
      super.send(data)
    }
  }
  window.WebSocket = RecordingWebSocket
  new MutationObserver((records) => {
    for (const r of records) {
      if (r.target instanceof HTMLElement && r.target.id === 'status') probe.states.push(r.target.dataset.state ?? '')
    }
  }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-state'] })
}
