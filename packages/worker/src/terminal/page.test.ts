/// <reference types="node" />
/**
 * Checks the terminal page template: the build fills in the bundle names, and the inline
 * script must open exactly the socket URL the bundle would, or the early socket is wasted.
 */
import { readFileSync } from 'node:fs'
import { runInNewContext } from 'node:vm'
import { describe, expect, it } from 'vitest'
import { EARLY_SOCKET_GLOBAL } from './early-socket.js'
import { sessionIdFromPath, terminalSocketUrl } from './session-url.js'

const html = readFileSync(new URL('./page.html', import.meta.url), 'utf8')
const inline = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1] ?? ''

function runInline(href: string): string | undefined {
  const url = new URL(href)
  const opened: string[] = []
  const window: Record<string, unknown> = {}
  class WebSocket {
    constructor(u: string) {
      opened.push(u)
    }
  }
  const location = { pathname: url.pathname, search: url.search, protocol: url.protocol, host: url.host }
  runInNewContext(inline, { window, location, WebSocket, URLSearchParams })
  const early = window[EARLY_SOCKET_GLOBAL] as { url: string } | undefined
  if (early) expect(opened).toEqual([early.url])
  return early?.url
}

describe('terminal page inline socket', () => {
  it('is there', () => {
    expect(inline).toContain(EARLY_SOCKET_GLOBAL)
    expect(html).toContain('<script type="module" src="/_assets/%TERMINAL_JS%"></script>')
    expect(html).toContain('<link rel="stylesheet" href="/_assets/%TERMINAL_CSS%" />')
    // The socket starts before the stylesheet, which would otherwise hold the script back.
    expect(html.indexOf(EARLY_SOCKET_GLOBAL)).toBeLessThan(html.indexOf('%TERMINAL_CSS%'))
  })

  it.each([
    'http://127.0.0.1:8787/s/abc/',
    'https://demo.example/s/pretty-otter-1234/',
    'https://demo.example/s/a.b_c-D/?nimbus_token=x.y+z%2F',
    'http://localhost:9000/s/x/?other=1',
  ])('opens the URL the bundle uses for %s', (href) => {
    const url = new URL(href)
    const id = sessionIdFromPath(url.pathname)
    expect(id).toBeDefined()
    expect(runInline(href)).toBe(terminalSocketUrl(url, id ?? ''))
  })

  it('opens nothing off a session page', () => {
    expect(runInline('http://127.0.0.1:8787/')).toBeUndefined()
    expect(runInline('http://127.0.0.1:8787/s/bad id/')).toBeUndefined()
  })
})
