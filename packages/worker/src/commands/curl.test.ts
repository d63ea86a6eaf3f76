import { describe, expect, it } from 'vitest'
import { runCommand } from './testing.js'

/** A stand-in for the network: records requests and answers from a table. */
const fakeFetch = (routes: Record<string, () => Response>) => {
  const seen: Array<{ url: string; method: string; headers: Headers; body: string | null }> = []
  const fn = (async (input: RequestInfo | URL, init?: RequestInit) => {
    const url = String(input)
    const body = init?.body === undefined ? null : typeof init.body === 'string' ? init.body : new TextDecoder().decode(init.body as Uint8Array)
    seen.push({ url, method: init?.method ?? 'GET', headers: new Headers(init?.headers), body })
    const route = routes[url]
    if (!route) throw new TypeError('fetch failed: getaddrinfo ENOTFOUND')
    const res = route()
    if (init?.redirect !== 'manual' && res.status >= 300 && res.status < 400) {
      const loc = res.headers.get('location') as string
      return (routes[loc] as () => Response)()
    }
    return res
  }) as typeof fetch
  return { fn, seen }
}

describe('curl', () => {
  it('GETs a URL to stdout', async () => {
    const net = fakeFetch({ 'https://example.com/': () => new Response('hello\n') })
    expect(await runCommand('curl -s https://example.com/', { fetch: net.fn })).toMatchObject({ stdout: 'hello\n', code: 0 })
  })
  it('POSTs data with headers and a method', async () => {
    const net = fakeFetch({ 'https://api.test/x': () => new Response('ok') })
    await runCommand(['curl', '-s', '-X', 'PUT', '-H', 'X-Token: abc', '-d', 'a=1', '-d', 'b=2', 'https://api.test/x'], { fetch: net.fn })
    expect(net.seen[0]).toMatchObject({ method: 'PUT', body: 'a=1&b=2' })
    expect(net.seen[0]?.headers.get('x-token')).toBe('abc')
    expect(net.seen[0]?.headers.get('content-type')).toBe('application/x-www-form-urlencoded')
  })
  it('writes to a file with -o and follows redirects only with -L', async () => {
    const net = fakeFetch({
      'https://a.test/old': () => new Response('moved', { status: 301, headers: { location: 'https://a.test/new' } }),
      'https://a.test/new': () => new Response('new body'),
    })
    const plain = await runCommand('curl -s https://a.test/old', { fetch: net.fn })
    expect(plain.stdout).toBe('moved')
    const r = await runCommand('curl -sL -o out.txt https://a.test/old', { fetch: net.fn })
    expect(r.fs.readText('/home/user/out.txt')).toBe('new body')
  })
  it('-f fails on HTTP errors with status 22', async () => {
    const net = fakeFetch({ 'https://a.test/missing': () => new Response('nope', { status: 404 }) })
    expect(await runCommand('curl -sSf https://a.test/missing', { fetch: net.fn })).toMatchObject({ code: 22, stdout: '', stderr: 'curl: (22) The requested URL returned error: 404\n' })
  })
  it('-i includes headers and -w prints the status code', async () => {
    const net = fakeFetch({ 'https://a.test/': () => new Response('b', { status: 201, headers: { 'x-a': '1' } }) })
    const r = await runCommand(['curl', '-si', '-w', '%{http_code}\\n', 'https://a.test/'], { fetch: net.fn })
    expect(r.stdout).toMatch(/^HTTP\/1\.1 201 Created\r\n/)
    expect(r.stdout).toContain('x-a: 1\r\n\r\nb201\n')
  })
  it('reports an unknown host', async () => {
    const net = fakeFetch({})
    expect(await runCommand('curl https://nowhere.test/', { fetch: net.fn })).toMatchObject({ code: 6, stderr: 'curl: (6) Could not resolve host: nowhere.test\n' })
  })
})
