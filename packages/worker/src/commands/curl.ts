/** curl: HTTP requests through the sandbox's outbound fetch (-o -O -L -s -S -f -X -H -d -i -I -u -w). */
import { defineCommand } from './define-command.js'
import { describeError } from './lib/errors.js'

const STATUS_TEXT: Record<number, string> = { 200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified', 307: 'Temporary Redirect', 308: 'Permanent Redirect', 400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed', 409: 'Conflict', 429: 'Too Many Requests', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable' }

export default defineCommand({
  name: 'curl',
  usage: 'curl [options...] <url>',
  description: 'Transfer data from or to a server over HTTP(S).',
  flags: {
    o: { type: 'string', long: 'output', arg: 'FILE', description: 'write to FILE instead of stdout' },
    O: { type: 'boolean', long: 'remote-name', description: 'write output to a file named as the remote file' },
    L: { type: 'boolean', long: 'location', description: 'follow redirects' },
    s: { type: 'boolean', long: 'silent', description: 'silent mode' },
    S: { type: 'boolean', long: 'show-error', description: 'show error even when -s is used' },
    f: { type: 'boolean', long: 'fail', description: 'fail fast with no output on HTTP errors' },
    X: { type: 'string', long: 'request', arg: 'METHOD', description: 'specify request method to use' },
    H: { type: 'string', long: 'header', repeatable: true, arg: 'HEADER', description: 'pass custom header(s) to server' },
    d: { type: 'string', long: 'data', alias: ['data-ascii'], repeatable: true, arg: 'DATA', description: 'HTTP POST data (@FILE reads a file)' },
    'data-raw': { type: 'string', repeatable: true, arg: 'DATA', description: "HTTP POST data, '@' allowed" },
    'data-binary': { type: 'string', repeatable: true, arg: 'DATA', description: 'HTTP POST binary data (@FILE reads a file)' },
    json: { type: 'string', repeatable: true, arg: 'DATA', description: 'HTTP POST JSON' },
    i: { type: 'boolean', long: 'include', description: 'include protocol response headers in the output' },
    I: { type: 'boolean', long: 'head', description: 'show document info only' },
    u: { type: 'string', long: 'user', arg: 'USER:PASSWORD', description: 'server user and password' },
    A: { type: 'string', long: 'user-agent', arg: 'NAME', description: 'send User-Agent NAME to server' },
    e: { type: 'string', long: 'referer', arg: 'URL', description: 'referrer URL' },
    w: { type: 'string', long: 'write-out', arg: 'FORMAT', description: 'use output FORMAT after completion (%{http_code} %{url_effective} %{size_download} %{content_type})' },
    k: { type: 'boolean', long: 'insecure', description: 'allow insecure server connections (accepted; TLS is checked by the platform)' },
    v: { type: 'boolean', long: 'verbose', description: 'make the operation more talkative' },
    'max-time': { type: 'number', short: 'm', arg: 'SECONDS', description: 'maximum time allowed for the transfer' },
    compressed: { type: 'boolean', description: 'request compressed response' },
    T: { type: 'string', long: 'upload-file', arg: 'FILE', description: 'transfer local FILE to destination' },
  },
  async run(ctx) {
    const f = ctx.flags
    const fail = async (code: number, msg: string) => {
      if (!f.s || f.S) await ctx.stderr.write(`curl: (${code}) ${msg}\n`)
      return code
    }
    if (ctx.args.length === 0) {
      await ctx.stderr.write("curl: no URL specified!\ncurl: try 'curl --help' or 'curl --manual' for more information\n")
      return 2
    }
    const readData = (v: string, binary: boolean): string | Uint8Array => {
      if (!v.startsWith('@')) return v
      const file = v.slice(1)
      const data = file === '-' ? null : ctx.fs.readFile(ctx.resolve(file))
      if (data === null) return ''
      return binary ? data : new TextDecoder().decode(data).replace(/[\r\n]/g, '')
    }
    const headers = new Headers()
    for (const h of f.H) {
      const i = h.indexOf(':')
      if (i > 0) headers.set(h.slice(0, i).trim(), h.slice(i + 1).trim())
    }
    if (f.A !== undefined) headers.set('user-agent', f.A)
    else if (!headers.has('user-agent')) headers.set('user-agent', 'curl/8.0.0')
    if (f.e !== undefined) headers.set('referer', f.e)
    if (f.u !== undefined) headers.set('authorization', `Basic ${btoa(f.u.includes(':') ? f.u : `${f.u}:`)}`)
    let body: string | Uint8Array | undefined
    try {
      const pieces: Array<string | Uint8Array> = [...f.d.map((d) => readData(d, false)), ...f['data-raw'], ...f['data-binary'].map((d) => readData(d, true))]
      if (f.json.length > 0) {
        pieces.push(...f.json.map((d) => readData(d, true)))
        if (!headers.has('content-type')) headers.set('content-type', 'application/json')
        if (!headers.has('accept')) headers.set('accept', 'application/json')
      }
      if (pieces.length === 1) body = pieces[0]
      else if (pieces.length > 1) body = pieces.map((p) => (typeof p === 'string' ? p : new TextDecoder().decode(p))).join('&')
      if (body !== undefined && !headers.has('content-type')) headers.set('content-type', 'application/x-www-form-urlencoded')
      if (f.T !== undefined) body = ctx.fs.readFile(ctx.resolve(f.T))
    } catch (e) {
      return fail(26, `Failed to open/read local data from file/application: ${describeError(e)}`)
    }
    const method = f.X ?? (f.I ? 'HEAD' : f.T !== undefined ? 'PUT' : body !== undefined ? 'POST' : 'GET')
    let status = 0
    for (const raw of ctx.args) {
      const url = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `http://${raw}`
      let parsed: URL
      try {
        parsed = new URL(url)
      } catch {
        status = await fail(3, 'URL using bad/illegal format or missing URL')
        continue
      }
      if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') {
        status = await fail(1, `Protocol "${parsed.protocol.replace(':', '')}" not supported or disabled in libcurl`)
        continue
      }
      const ac = new AbortController()
      const onAbort = () => ac.abort()
      ctx.signal.addEventListener('abort', onAbort, { once: true })
      const timer = f['max-time'] !== undefined ? setTimeout(() => ac.abort(), f['max-time'] * 1000) : undefined
      let res: Response
      try {
        if (f.v) await ctx.stderr.write(`> ${method} ${parsed.pathname}${parsed.search} HTTP/1.1\n> Host: ${parsed.host}\n${[...headers].map(([k, v]) => `> ${k}: ${v}\n`).join('')}>\n`)
        res = await ctx.fetch(parsed.toString(), { method, headers, ...(body !== undefined && method !== 'GET' && method !== 'HEAD' ? { body } : {}), redirect: f.L ? 'follow' : 'manual', signal: ac.signal })
      } catch (e) {
        clearTimeout(timer)
        ctx.signal.removeEventListener('abort', onAbort)
        if (ctx.signal.aborted) return 130
        if (ac.signal.aborted) {
          status = await fail(28, `Operation timed out after ${Math.round((f['max-time'] ?? 0) * 1000)} milliseconds`)
          continue
        }
        const msg = describeError(e)
        status = /ENOTFOUND|getaddrinfo|resolve/i.test(msg) ? await fail(6, `Could not resolve host: ${parsed.hostname}`) : await fail(7, `Failed to connect to ${parsed.hostname} port ${parsed.port || (parsed.protocol === 'https:' ? 443 : 80)}: ${msg}`)
        continue
      }
      clearTimeout(timer)
      ctx.signal.removeEventListener('abort', onAbort)
      const head = `HTTP/1.1 ${res.status} ${res.statusText || STATUS_TEXT[res.status] || ''}`.trimEnd() + '\r\n' + [...res.headers].map(([k, v]) => `${k}: ${v}\r\n`).join('') + '\r\n'
      if (f.v) await ctx.stderr.write(head.replace(/\r\n/g, '\n').split('\n').filter(Boolean).map((l) => `< ${l}\n`).join('') + '<\n')
      if (f.f && res.status >= 400) {
        status = await fail(22, `The requested URL returned error: ${res.status}`)
        continue
      }
      const bytes = method === 'HEAD' ? new Uint8Array(0) : new Uint8Array(await res.arrayBuffer())
      let outFile = f.o
      if (f.O) outFile = decodeURIComponent(parsed.pathname.split('/').pop() || '')
      if (f.O && !outFile) {
        status = await fail(23, 'Remote file name has no length')
        continue
      }
      const prefix = f.i || f.I ? head : ''
      if (outFile !== undefined && outFile !== '-') {
        try {
          const enc = new TextEncoder().encode(prefix)
          const all = new Uint8Array(enc.length + bytes.length)
          all.set(enc)
          all.set(bytes, enc.length)
          ctx.fs.writeFile(ctx.resolve(outFile), all)
        } catch (e) {
          status = await fail(23, `Failure writing output to destination: ${describeError(e)}`)
          continue
        }
      } else {
        if (prefix) await ctx.stdout.write(prefix)
        await ctx.stdout.write(bytes)
      }
      if (f.w !== undefined) {
        const w = f.w
          .replace(/%\{http_code\}|%\{response_code\}/g, String(res.status).padStart(3, '0'))
          .replace(/%\{url_effective\}/g, res.url || parsed.toString())
          .replace(/%\{size_download\}/g, String(bytes.length))
          .replace(/%\{content_type\}/g, res.headers.get('content-type') ?? '')
          .replace(/\\n/g, '\n')
          .replace(/\\t/g, '\t')
        await ctx.stdout.write(w)
      }
    }
    return status
  },
})
