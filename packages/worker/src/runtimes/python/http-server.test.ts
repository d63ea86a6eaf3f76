import { describe, expect, it } from 'vitest'
import { parseHttpServerArgs, parseRawResponse } from './http-server.js'

const bytes = (s: string): Uint8Array => new TextEncoder().encode(s)

describe('python -m http.server pieces', () => {
  it('parses the port and directory the way http.server does', () => {
    expect(parseHttpServerArgs([])).toEqual({ port: 8000 })
    expect(parseHttpServerArgs(['9000', '-d', 'site', '--bind', '0.0.0.0'])).toEqual({ port: 9000, directory: 'site' })
    expect(parseHttpServerArgs(['--directory=www'])).toEqual({ port: 8000, directory: 'www' })
    expect(parseHttpServerArgs(['--cgi'])).toBe('--cgi is not supported here')
    expect(parseHttpServerArgs(['x'])).toBe('unrecognized arguments: x')
  })

  it('turns the handler output into a Response', async () => {
    const res = parseRawResponse(bytes('HTTP/1.0 404 File not found\r\nServer: SimpleHTTP\r\nContent-Type: text/html\r\n\r\n<p>nope</p>'))
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toBe('text/html')
    expect(await res.text()).toBe('<p>nope</p>')
    const moved = parseRawResponse(bytes('HTTP/1.0 301 Moved Permanently\r\nLocation: /dir/\r\n\r\n'))
    expect(moved.status).toBe(301)
    expect(moved.headers.get('location')).toBe('/dir/')
    expect(parseRawResponse(bytes('garbage')).status).toBe(502)
  })
})
