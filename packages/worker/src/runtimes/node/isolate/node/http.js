// `http`: a client over fetch, and `createServer` whose `listen(port)` registers the port
// with the sandbox so requests to the port URL are handed to the server's handler.
import { EventEmitter } from 'node:events'
import { Readable, Writable } from 'node:stream'
import { Buffer } from 'node:buffer'
import { state, fatal } from '../rt/state.js'

export const STATUS_CODES = {
  200: 'OK', 201: 'Created', 204: 'No Content', 301: 'Moved Permanently', 302: 'Found', 304: 'Not Modified',
  400: 'Bad Request', 401: 'Unauthorized', 403: 'Forbidden', 404: 'Not Found', 405: 'Method Not Allowed',
  409: 'Conflict', 413: 'Payload Too Large', 500: 'Internal Server Error', 502: 'Bad Gateway', 503: 'Service Unavailable',
}
export const METHODS = ['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']

export class IncomingMessage extends Readable {
  constructor() {
    super({ read() {} })
    this.headers = {}
    this.rawHeaders = []
    this.httpVersion = '1.1'
    this.socket = { remoteAddress: '127.0.0.1', encrypted: false }
    this.connection = this.socket
  }
}

export class ServerResponse extends Writable {
  constructor(req, settle) {
    super()
    this.req = req
    this.statusCode = 200
    this.statusMessage = ''
    this.headersSent = false
    this._headers = new Map()
    this._chunks = []
    this._settle = settle
    this.on('finish', () => this._finish())
  }
  setHeader(k, v) {
    this._headers.set(k.toLowerCase(), [k, v])
    return this
  }
  getHeader(k) {
    return this._headers.get(k.toLowerCase())?.[1]
  }
  getHeaders() {
    return Object.fromEntries([...this._headers.values()].map(([k, v]) => [k.toLowerCase(), v]))
  }
  getHeaderNames() {
    return [...this._headers.keys()]
  }
  hasHeader(k) {
    return this._headers.has(k.toLowerCase())
  }
  removeHeader(k) {
    this._headers.delete(k.toLowerCase())
  }
  writeHead(status, msg, headers) {
    this.statusCode = status
    if (typeof msg === 'object') headers = msg
    else if (msg) this.statusMessage = msg
    if (Array.isArray(headers)) for (let i = 0; i < headers.length; i += 2) this.setHeader(headers[i], headers[i + 1])
    else for (const [k, v] of Object.entries(headers ?? {})) this.setHeader(k, v)
    this.headersSent = true
    return this
  }
  flushHeaders() {
    this.headersSent = true
  }
  _write(chunk, encoding, done) {
    this.headersSent = true
    this._chunks.push(typeof chunk === 'string' ? Buffer.from(chunk, encoding) : Buffer.from(chunk))
    done()
  }
  _finish() {
    const headers = new Headers()
    for (const [k, v] of this._headers.values()) {
      if (Array.isArray(v)) for (const item of v) headers.append(k, String(item))
      else headers.set(k, String(v))
    }
    const body = this._chunks.length ? Buffer.concat(this._chunks) : null
    const nobody = this.statusCode === 204 || this.statusCode === 304 || this.req.method === 'HEAD'
    this._settle(new Response(nobody ? null : body, { status: this.statusCode, statusText: this.statusMessage || STATUS_CODES[this.statusCode] || '', headers }))
  }
}

export class Server extends EventEmitter {
  constructor(opts, handler) {
    super()
    if (typeof opts === 'function') handler = opts
    if (handler) this.on('request', handler)
    this.listening = false
  }
  listen(...args) {
    const done = typeof args[args.length - 1] === 'function' ? args.pop() : undefined
    const port = typeof args[0] === 'object' && args[0] !== null ? Number(args[0].port ?? 0) : Number(args[0] ?? 0)
    this._port = port || 3000
    this.listening = true
    this._handle = { close: () => this.close() }
    state.handles.add(this._handle)
    const bound = this._port
    Promise.resolve(state.io.listen?.(bound)).then((taken) => {
      if (taken) {
        this.listening = false
        state.handles.delete(this._handle)
        state.changed()
        const e = new Error(`listen EADDRINUSE: address already in use :::${bound}`)
        e.code = 'EADDRINUSE'
        e.syscall = 'listen'
        e.port = bound
        if (this.listenerCount('error')) this.emit('error', e)
        else throw e
        return
      }
      state.servers.set(bound, this)
      this.emit('listening')
      done?.()
    }).catch(fatal)
    return this
  }
  address() {
    return this.listening ? { address: '127.0.0.1', family: 'IPv4', port: this._port } : null
  }
  close(done) {
    if (this.listening) {
      this.listening = false
      state.servers.delete(this._port)
      state.handles.delete(this._handle)
      void state.io.unlisten?.(this._port)
      state.changed()
      queueMicrotask(() => this.emit('close'))
    }
    done?.()
    return this
  }
  setTimeout() {
    return this
  }
  ref() {
    return this
  }
  unref() {
    return this
  }
  /** Runs one request through the server's handlers. */
  async handle(request) {
    const url = new URL(request.url)
    const req = new IncomingMessage()
    req.method = request.method
    req.url = url.pathname + url.search
    for (const [k, v] of request.headers) {
      req.headers[k] = v
      req.rawHeaders.push(k, v)
    }
    const body = request.body ? Buffer.from(await request.arrayBuffer()) : null
    return new Promise((resolve) => {
      const res = new ServerResponse(req, resolve)
      try {
        this.emit('request', req, res)
      } catch (e) {
        resolve(new Response(String(e?.stack ?? e), { status: 500 }))
      }
      if (body && body.length) req.push(body)
      req.push(null)
    })
  }
}

export function createServer(opts, handler) {
  return new Server(opts, handler)
}

export class ClientRequest extends Writable {
  constructor(url, opts, onResponse, scheme) {
    super()
    this._url = url
    this._opts = opts
    this._body = []
    if (onResponse) this.once('response', onResponse)
    this._scheme = scheme
    this.on('finish', () => void this._send())
  }
  setHeader(k, v) {
    ;(this._opts.headers ??= {})[k] = v
  }
  getHeader(k) {
    return this._opts.headers?.[k]
  }
  setTimeout() {
    return this
  }
  abort() {
    this.destroy()
  }
  _write(chunk, encoding, done) {
    this._body.push(typeof chunk === 'string' ? Buffer.from(chunk, encoding) : Buffer.from(chunk))
    done()
  }
  async _send() {
    const handle = { close() {} }
    state.handles.add(handle)
    try {
      const method = (this._opts.method ?? 'GET').toUpperCase()
      const r = await fetch(this._url, {
        method,
        headers: Object.fromEntries(Object.entries(this._opts.headers ?? {}).map(([k, v]) => [k, String(v)])),
        body: method === 'GET' || method === 'HEAD' ? undefined : Buffer.concat(this._body),
        redirect: 'manual',
      })
      const msg = new IncomingMessage()
      msg.statusCode = r.status
      msg.statusMessage = r.statusText
      for (const [k, v] of r.headers) {
        msg.headers[k] = v
        msg.rawHeaders.push(k, v)
      }
      this.emit('response', msg)
      msg.push(Buffer.from(await r.arrayBuffer()))
      msg.push(null)
    } catch (e) {
      this.emit('error', e)
    } finally {
      state.handles.delete(handle)
      state.changed()
    }
  }
}

export function requestWith(scheme) {
  return (input, opts, onResponse) => {
    if (typeof opts === 'function') {
      onResponse = opts
      opts = {}
    }
    let url
    if (typeof input === 'string' || input instanceof URL) {
      url = new URL(String(input))
      opts = { ...(opts ?? {}) }
    } else {
      opts = { ...input, ...(opts ?? {}) }
      const host = opts.hostname ?? opts.host ?? 'localhost'
      url = new URL(`${scheme}//${host}${opts.port ? `:${opts.port}` : ''}${opts.path ?? '/'}`)
    }
    return new ClientRequest(url.href, opts, onResponse, scheme)
  }
}
export const request = requestWith('http:')
export function get(input, opts, onResponse) {
  const req = request(input, opts, onResponse)
  req.end()
  return req
}
export class Agent {
  constructor(opts) {
    this.options = opts ?? {}
  }
  destroy() {}
}
export const globalAgent = new Agent()
export default { STATUS_CODES, METHODS, IncomingMessage, ServerResponse, Server, createServer, ClientRequest, request, get, Agent, globalAgent }
