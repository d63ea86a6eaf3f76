/**
 * Where the terminal page finds its session: the id comes from the page path `/s/<id>/`, and
 * the socket URL is derived from the page's own origin so that http pages use ws: and https
 * pages use wss:. A `nimbus_token` in the page URL is passed on to the socket, because a
 * browser WebSocket cannot carry an Authorization header.
 */
import { terminalSocketPath } from '../session/protocol.js'

const SESSION_ID = /^[A-Za-z0-9._-]{1,128}$/

/** The session id in a `/s/<id>/` path, or undefined when the path is not a session page. */
export function sessionIdFromPath(pathname: string): string | undefined {
  const m = /^\/s\/([^/]+)\/?$/.exec(pathname)
  if (!m || m[1] === undefined) return undefined
  let id: string
  try {
    id = decodeURIComponent(m[1])
  } catch {
    return undefined
  }
  return SESSION_ID.test(id) ? id : undefined
}

export interface PageLocation {
  protocol: string
  host: string
  search: string
}

/** The terminal socket URL for `sessionId`, on the page's origin. */
export function terminalSocketUrl(page: PageLocation, sessionId: string): string {
  const scheme = page.protocol === 'https:' ? 'wss:' : 'ws:'
  const token = new URLSearchParams(page.search).get('nimbus_token')
  const query = token ? `?${new URLSearchParams({ nimbus_token: token }).toString()}` : ''
  return `${scheme}//${page.host}${terminalSocketPath(sessionId)}${query}`
}
