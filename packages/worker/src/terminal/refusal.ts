/**
 * Why the session refuses the terminal socket. A browser sees a refused WebSocket upgrade
 * only as close code 1006, so after a socket fails to open the page asks the same URL over
 * plain HTTP: the router authenticates before it asks for the upgrade, so a bad or expired
 * token answers 401/403 with the error's JSON, while an acceptable request answers 426.
 */
import type { Refusal } from './connection.js'

type Fetch = (url: string, init: RequestInit) => Promise<Response>

/** The HTTP twin of a `ws:`/`wss:` URL. */
export const httpUrlOf = (socketUrl: string): string => socketUrl.replace(/^ws(s?):/, 'http$1:')

/**
 * A final refusal (close code 4400 + the HTTP status, so 4401, 4403, 4404) with the server's
 * message and code, or undefined when the socket may simply be retried (426, 5xx, offline).
 */
export async function askWhyRefused(socketUrl: string, fetchFn: Fetch = fetch): Promise<Refusal | undefined> {
  let res: Response
  try {
    res = await fetchFn(httpUrlOf(socketUrl), { credentials: 'same-origin', cache: 'no-store' })
  } catch {
    return undefined
  }
  if (res.status < 400 || res.status > 499 || res.status === 426 || res.status === 429) return undefined
  const body: unknown = await res.json().catch(() => undefined)
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {}
  const message = typeof fields.error === 'string' ? fields.error : `HTTP ${res.status}`
  const reason = typeof fields.code === 'string' ? `${message} (${fields.code})` : message
  return { code: 4000 + res.status, reason }
}
