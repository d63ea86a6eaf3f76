/**
 * The small connection badge in the page header. It states the connection honestly
 * ("connecting…", "reconnecting…", "disconnected") and hides itself while the socket is open.
 * `data-state` carries the machine-readable state for styling and tests.
 */
import type { ConnectionState, StateInfo } from './connection.js'

export function renderStatus(el: HTMLElement, state: ConnectionState, info: StateInfo): void {
  el.dataset.state = state
  el.textContent = statusText(state, info)
  el.title = info.closeReason ? `last close: ${info.closeCode ?? ''} ${info.closeReason}`.trim() : ''
}

export function statusText(state: ConnectionState, info: StateInfo): string {
  switch (state) {
    case 'connecting':
      return 'connecting…'
    case 'open':
      return 'connected'
    case 'reconnecting':
      return info.retryInMs !== undefined && info.retryInMs >= 1000
        ? `reconnecting… (retry in ${Math.round(info.retryInMs / 1000)} s)`
        : 'reconnecting…'
    case 'closed':
      return info.closeReason ? `disconnected: ${info.closeReason}` : 'disconnected'
  }
}
