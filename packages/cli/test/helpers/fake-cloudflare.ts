/**
 * A stand-in for the Cloudflare v4 REST API on 127.0.0.1 (random port), answering with the
 * real envelope `{ success, errors: [{ code, message }], messages, result }` for the calls the
 * CLI makes: token verify, list/create R2 buckets (cursor pagination), object upload. Switches
 * reproduce the failures people hit: R2 not enabled (10042), a bad token, a dropped connection.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'

export interface FakeCloudflareOptions {
  token?: string
  accountId?: string
  buckets?: string[]
  /** Buckets per page when the client does not ask; Cloudflare's default is 20. */
  defaultPerPage?: number
  /** Largest page served whatever the client asks (Cloudflare: 1000); lower it to force pagination. */
  maxPerPage?: number
}

export interface RecordedRequest {
  method: string
  path: string
  query: Record<string, string>
  authorization: string | undefined
  contentType: string | undefined
  body: Buffer
}

export interface StoredObject {
  body: Buffer
  contentType: string | undefined
}

export interface FakeCloudflare {
  url: string
  token: string
  accountId: string
  /** Bucket name → object key → object. */
  buckets: Map<string, Map<string, StoredObject>>
  requests: RecordedRequest[]
  switches: { r2Disabled: boolean; badToken: boolean; networkFailure: boolean }
  close(): Promise<void>
}

const BUCKET_RE = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/

function send(res: ServerResponse, status: number, body: { success: boolean; result?: unknown; errors?: Array<{ code: number; message: string }>; messages?: unknown[]; result_info?: unknown }): void {
  const envelope = { success: body.success, errors: body.errors ?? [], messages: body.messages ?? [], result: body.result ?? null, ...(body.result_info ? { result_info: body.result_info } : {}) }
  res.writeHead(status, { 'content-type': 'application/json' })
  res.end(JSON.stringify(envelope))
}

const fail = (res: ServerResponse, status: number, code: number, message: string) => send(res, status, { success: false, errors: [{ code, message }] })

async function readBody(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return Buffer.concat(chunks)
}

export async function startFakeCloudflare(opts: FakeCloudflareOptions = {}): Promise<FakeCloudflare> {
  const token = opts.token ?? 'test-token-0123456789'
  const accountId = opts.accountId ?? '0123456789abcdef0123456789abcdef'
  const buckets = new Map<string, Map<string, StoredObject>>()
  const created = new Map<string, string>()
  for (const b of opts.buckets ?? []) {
    buckets.set(b, new Map())
    created.set(b, new Date(0).toISOString())
  }
  const requests: RecordedRequest[] = []
  const switches = { r2Disabled: false, badToken: false, networkFailure: false }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (switches.networkFailure) {
      req.socket.destroy()
      return
    }
    const url = new URL(req.url ?? '/', 'http://fake')
    const path = url.pathname.replace(/^\/client\/v4/, '')
    const body = await readBody(req)
    requests.push({
      method: req.method ?? 'GET',
      path,
      query: Object.fromEntries(url.searchParams),
      authorization: req.headers.authorization,
      contentType: req.headers['content-type'],
      body,
    })
    const authorized = !switches.badToken && req.headers.authorization === `Bearer ${token}`
    const method = req.method ?? 'GET'

    const verify = path === '/user/tokens/verify' || path === `/accounts/${accountId}/tokens/verify`
    if (verify && method === 'GET') {
      if (!authorized) return fail(res, 401, 1000, 'Invalid API Token')
      return send(res, 200, { success: true, result: { id: 'f267e341f3dd4697bd3b9f71dd96247f', status: 'active' }, messages: [{ code: 10000, message: 'This API Token is valid and active', type: null }] })
    }
    const m = /^\/accounts\/([^/]+)\/r2\/buckets(?:\/([^/]+)(?:\/objects\/(.+))?)?$/.exec(path)
    if (!m) return fail(res, 404, 7003, `Could not route to ${path}, perhaps your object identifier is invalid?`)
    if (!authorized) return fail(res, 403, 10000, 'Authentication error')
    if (m[1] !== accountId) return fail(res, 403, 9109, 'Unauthorized to access requested resource')
    if (switches.r2Disabled) return fail(res, 403, 10042, 'Please enable R2 through the Cloudflare Dashboard.')
    const bucketName = m[2] ? decodeURIComponent(m[2]) : undefined
    const objectKey = m[3] ? m[3].split('/').map(decodeURIComponent).join('/') : undefined

    if (bucketName === undefined && method === 'GET') {
      const names = [...buckets.keys()].sort()
      const perPage = Math.min(Number(url.searchParams.get('per_page') ?? opts.defaultPerPage ?? 20), opts.maxPerPage ?? 1000)
      const start = Number(url.searchParams.get('cursor') ?? 0)
      const page = names.slice(start, start + perPage)
      const more = start + perPage < names.length
      return send(res, 200, {
        success: true,
        result: { buckets: page.map((name) => ({ name, creation_date: created.get(name), location: 'ENAM', storage_class: 'Standard' })) },
        result_info: { per_page: perPage, ...(more ? { cursor: String(start + perPage) } : {}) },
      })
    }
    if (bucketName === undefined && method === 'POST') {
      let input: unknown
      try {
        input = JSON.parse(body.toString('utf8'))
      } catch {
        return fail(res, 400, 10040, 'The JSON you provided was not well formed.')
      }
      const name = typeof input === 'object' && input !== null && 'name' in input ? input.name : undefined
      if (typeof name !== 'string' || !BUCKET_RE.test(name)) return fail(res, 400, 10005, 'The specified bucket name is not valid.')
      if (buckets.has(name)) return fail(res, 409, 10004, 'The bucket you tried to create already exists, and you own it.')
      buckets.set(name, new Map())
      created.set(name, new Date().toISOString())
      return send(res, 200, { success: true, result: { name, creation_date: created.get(name), location: 'ENAM', storage_class: 'Standard' } })
    }
    if (bucketName !== undefined && objectKey !== undefined && method === 'PUT') {
      const bucket = buckets.get(bucketName)
      if (!bucket) return fail(res, 404, 10006, 'The specified bucket does not exist.')
      bucket.set(objectKey, { body, contentType: req.headers['content-type'] })
      return send(res, 200, {
        success: true,
        result: { key: objectKey, size: body.length, etag: `e${body.length}`, uploaded: new Date().toISOString(), storage_class: 'Standard' },
      })
    }
    return fail(res, 405, 10000, `Method ${method} not allowed for ${path}`)
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((err: unknown) => fail(res, 500, 10001, String(err)))
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const { port } = server.address() as AddressInfo
  return {
    url: `http://127.0.0.1:${port}/client/v4`,
    token,
    accountId,
    buckets,
    requests,
    switches,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections()
        server.close(() => resolve())
      }),
  }
}
