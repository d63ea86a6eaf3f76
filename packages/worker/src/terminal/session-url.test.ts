import { describe, expect, it } from 'vitest'
import { sessionIdFromPath, terminalSocketUrl } from './session-url.js'

describe('sessionIdFromPath', () => {
  it('reads the id from a session page path', () => {
    expect(sessionIdFromPath('/s/pretty-otter-1234/')).toBe('pretty-otter-1234')
    expect(sessionIdFromPath('/s/a.b_c-D9')).toBe('a.b_c-D9')
  })

  it('rejects paths that are not a session page', () => {
    expect(sessionIdFromPath('/')).toBeUndefined()
    expect(sessionIdFromPath('/new')).toBeUndefined()
    expect(sessionIdFromPath('/s//')).toBeUndefined()
    expect(sessionIdFromPath('/s/abc/ws')).toBeUndefined()
  })

  it('rejects ids outside [A-Za-z0-9._-]{1,128}', () => {
    expect(sessionIdFromPath('/s/has%20space/')).toBeUndefined()
    expect(sessionIdFromPath('/s/%E0%A4%A/')).toBeUndefined()
    expect(sessionIdFromPath(`/s/${'x'.repeat(129)}/`)).toBeUndefined()
    expect(sessionIdFromPath(`/s/${'x'.repeat(128)}/`)).toBe('x'.repeat(128))
  })
})

describe('terminalSocketUrl', () => {
  it('uses ws: for http pages and wss: for https pages', () => {
    expect(terminalSocketUrl({ protocol: 'http:', host: '127.0.0.1:8787', search: '' }, 'abc')).toBe(
      'ws://127.0.0.1:8787/s/abc/ws',
    )
    expect(terminalSocketUrl({ protocol: 'https:', host: 'demo.example', search: '' }, 'abc')).toBe(
      'wss://demo.example/s/abc/ws',
    )
  })

  it('passes a nimbus_token from the page URL on to the socket and nothing else', () => {
    const url = terminalSocketUrl({ protocol: 'https:', host: 'h', search: '?x=1&nimbus_token=a.b+c' }, 's1')
    expect(url).toBe('wss://h/s/s1/ws?nimbus_token=a.b+c')
    expect(new URL(url).searchParams.get('nimbus_token')).toBe('a.b c')
  })
})
