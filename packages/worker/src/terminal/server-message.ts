/**
 * Reads frames the session sends to the terminal page. The server is trusted but the wire is
 * not typed, so anything that does not match `ServerMessage` is dropped instead of crashing
 * the page.
 */
import type { ServerMessage } from '../session/protocol.js'

export function parseServerMessage(raw: unknown): ServerMessage | undefined {
  if (typeof raw !== 'string') return undefined
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null) return undefined
  const m = value as Record<string, unknown>
  switch (m.t) {
    case 'o':
    case 'h':
      return typeof m.d === 'string' ? { t: m.t, d: m.d } : undefined
    case 'e':
      return typeof m.code === 'string' && typeof m.error === 'string'
        ? { t: 'e', code: m.code, error: m.error }
        : undefined
    case 'pong':
      return { t: 'pong' }
    default:
      return undefined
  }
}
