/**
 * The terminal WebSocket wire format between the browser page and the session Durable
 * Object. JSON text frames, one message each, tagged by `t`.
 */

/** Largest frame the session accepts; bigger ones get an error frame and are dropped. */
export const MAX_FRAME_BYTES = 1024 * 1024

export type ClientMessage =
  /** Keystrokes or pasted text. */
  | { t: 'i'; d: string }
  /** The terminal was resized. */
  | { t: 'r'; c: number; r: number }
  | { t: 'ping' }

export type ServerMessage =
  /** Terminal output. */
  | { t: 'o'; d: string }
  /** Recent scrollback, sent once when a screen attaches (reload, second tab). */
  | { t: 'h'; d: string }
  /** A problem with the last frame; the session stays usable. */
  | { t: 'e'; code: string; error: string }
  | { t: 'pong' }

/** Set on a terminal socket's 101 when it starts the session (no other screen was attached). */
export const SESSION_START_HEADER = 'x-nimbus-session-start'

/**
 * Set by the router on a terminal socket request it forwards to the session: which handler
 * attached it (for onSessionEnd), the session id and the tenant segment. Client values are
 * always overwritten.
 */
export const ATTACH_HEADERS = { handler: 'x-nimbus-handler', session: 'x-nimbus-session-id', tenant: 'x-nimbus-tenant' } as const

/** Path of the terminal socket under a session URL: `/s/<id>/ws`. */
export const terminalSocketPath = (sessionId: string): string => `/s/${encodeURIComponent(sessionId)}/ws`

export function parseClientMessage(raw: string): ClientMessage | undefined {
  let value: unknown
  try {
    value = JSON.parse(raw)
  } catch {
    return undefined
  }
  if (typeof value !== 'object' || value === null) return undefined
  const m = value as Record<string, unknown>
  if (m.t === 'i' && typeof m.d === 'string') return { t: 'i', d: m.d }
  if (m.t === 'r' && Number.isInteger(m.c) && Number.isInteger(m.r)) {
    const c = m.c as number
    const r = m.r as number
    if (c > 0 && c <= 1000 && r > 0 && r <= 1000) return { t: 'r', c, r }
    return undefined
  }
  if (m.t === 'ping') return { t: 'ping' }
  return undefined
}
