/**
 * A small client for the Cloudflare v4 REST API: bearer auth, the `{ success, errors,
 * messages, result }` envelope, and cursor pagination. `fetch` and the base URL are
 * injected so tests point it at a local stand-in.
 */
import { CloudflareApiError, CloudflareNetworkError, type CloudflareMessage } from './errors.js'

export const DEFAULT_CLOUDFLARE_API_BASE_URL = 'https://api.cloudflare.com/client/v4'
const TIMEOUT_MS = 30_000

export interface CloudflareApiOptions {
  token: string
  baseUrl?: string
  fetch?: typeof fetch
}

export interface CloudflareResponse<T> {
  result: T
  resultInfo?: Record<string, unknown>
}

export interface RequestOptions {
  query?: Record<string, string | undefined>
  json?: unknown
  body?: Uint8Array
  headers?: Record<string, string>
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

function messagesOf(v: unknown): CloudflareMessage[] {
  if (!Array.isArray(v)) return []
  return v.flatMap((m) => (isRecord(m) ? [{ code: typeof m['code'] === 'number' ? m['code'] : 0, message: String(m['message'] ?? '') }] : []))
}

/** The innermost cause's code or message: `ECONNREFUSED`, `ECONNRESET`, `timeout`. */
function reasonOf(err: unknown): string {
  let cur: unknown = err
  let reason = err instanceof Error ? err.message : String(err)
  for (let depth = 0; depth < 5 && cur instanceof Error; depth++) {
    if (cur.name === 'TimeoutError') return `timed out after ${TIMEOUT_MS / 1000}s`
    if ('code' in cur && typeof cur.code === 'string') reason = cur.code
    else if (cur.message) reason = cur.message
    cur = cur.cause
  }
  return reason
}

export class CloudflareApi {
  readonly baseUrl: string
  readonly #token: string
  readonly #fetch: typeof fetch

  constructor(opts: CloudflareApiOptions) {
    this.baseUrl = (opts.baseUrl ?? DEFAULT_CLOUDFLARE_API_BASE_URL).replace(/\/+$/, '')
    this.#token = opts.token
    this.#fetch = opts.fetch ?? globalThis.fetch
  }

  async request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<CloudflareResponse<T>> {
    const url = new URL(this.baseUrl + path)
    for (const [k, v] of Object.entries(opts.query ?? {})) if (v !== undefined) url.searchParams.set(k, v)
    const headers: Record<string, string> = { authorization: `Bearer ${this.#token}`, ...opts.headers }
    let body: string | Uint8Array | undefined
    if (opts.json !== undefined) {
      headers['content-type'] = 'application/json'
      body = JSON.stringify(opts.json)
    } else if (opts.body !== undefined) body = opts.body
    let res: Response
    let text: string
    try {
      res = await this.#fetch(url, { method, headers, body, signal: AbortSignal.timeout(TIMEOUT_MS) })
      text = await res.text()
    } catch (err) {
      throw new CloudflareNetworkError(this.baseUrl, reasonOf(err))
    }
    let envelope: unknown
    try {
      envelope = JSON.parse(text)
    } catch {
      throw new CloudflareApiError(res.status, [{ code: 0, message: `HTTP ${res.status}: the response is not JSON (${text.slice(0, 80).trim() || 'empty'})` }], method, path)
    }
    if (!isRecord(envelope) || envelope['success'] !== true || !res.ok) {
      const errors = isRecord(envelope) ? messagesOf(envelope['errors']) : []
      throw new CloudflareApiError(res.status, errors, method, path)
    }
    const info = envelope['result_info']
    return { result: envelope['result'] as T, ...(isRecord(info) ? { resultInfo: info } : {}) }
  }
}
