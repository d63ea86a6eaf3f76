/**
 * isomorphic-git's HTTP client shape (`{ request }`) over an injected `fetch`: the
 * Worker's fetch in production, Node's in tests. Request bodies arrive as async
 * iterables of chunks and are joined before sending (the smart protocol's POST bodies
 * are small); response bodies stream back chunk by chunk.
 */

export interface GitHttpRequest {
  url: string
  method?: string
  headers?: Record<string, string>
  body?: AsyncIterable<Uint8Array> | Iterable<Uint8Array>
  signal?: unknown
}

export interface GitHttpResponse {
  url: string
  method: string
  statusCode: number
  statusMessage: string
  headers: Record<string, string>
  body: AsyncIterableIterator<Uint8Array>
}

export interface GitHttpClient {
  request(req: GitHttpRequest): Promise<GitHttpResponse>
}

const join = async (body: AsyncIterable<Uint8Array> | Iterable<Uint8Array>): Promise<Uint8Array<ArrayBuffer>> => {
  const parts: Uint8Array[] = []
  let size = 0
  for await (const chunk of body) {
    parts.push(chunk)
    size += chunk.byteLength
  }
  const out = new Uint8Array(size)
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.byteLength
  }
  return out
}

async function* chunks(res: Response): AsyncIterableIterator<Uint8Array> {
  if (!res.body) return
  const reader = res.body.getReader()
  try {
    for (;;) {
      const { done, value } = await reader.read()
      if (done) return
      if (value) yield value
    }
  } finally {
    reader.releaseLock()
  }
}

/** The client isomorphic-git calls; `signal` aborts in-flight requests (Ctrl-C). */
export function createHttpClient(fetchFn: typeof fetch, signal?: AbortSignal): GitHttpClient {
  return {
    async request({ url, method = 'GET', headers = {}, body }) {
      const init: RequestInit = { method, headers }
      if (body !== undefined) init.body = await join(body)
      if (signal) init.signal = signal
      const res = await fetchFn(url, init)
      const out: Record<string, string> = {}
      res.headers.forEach((value, key) => {
        out[key] = value
      })
      return {
        url: res.url || url,
        method,
        statusCode: res.status,
        statusMessage: res.statusText,
        headers: out,
        body: chunks(res),
      }
    },
  }
}
