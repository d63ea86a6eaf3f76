import { describe, expect, it } from 'vitest'
import { testSandbox } from '../sandbox/testing.js'
import { runCommand } from './testing.js'
import { serveFile } from './serve.js'

describe('serve', () => {
  it('serves files, index.html, listings and 404s under its directory only', async () => {
    const { svc } = testSandbox()
    const fs = svc.fs
    fs.mkdir('/srv/site/sub', { recursive: true })
    fs.writeFile('/srv/site/index.html', '<p>home</p>')
    fs.writeFile('/srv/site/app.js', 'x()')
    fs.writeFile('/srv/site/sub/a.txt', 'a')
    fs.writeFile('/srv/secret', 'no')
    const get = (path: string, method = 'GET') => serveFile(fs, '/srv/site', new Request(`https://p${path}`, { method }))
    expect(await (await get('/')).text()).toBe('<p>home</p>')
    const js = await get('/app.js')
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8')
    expect(await (await get('/sub/')).text()).toContain('<a href="a.txt">a.txt</a>')
    expect((await get('/sub')).status).toBe(301)
    expect((await get('/../secret')).status).toBe(404)
    expect((await get('/%2e%2e/secret')).status).toBe(404)
    expect((await get('/app.js', 'POST')).status).toBe(405)
    expect(await (await get('/app.js', 'HEAD')).text()).toBe('')
  })

  it('listens on the sandbox port until aborted, then closes it', async () => {
    const { svc } = testSandbox()
    svc.fs.writeFile('/home/user/hello.txt', 'hi')
    const controller = new AbortController()
    const running = runCommand(['serve', '--port', '3001'], { fs: svc.fs, signal: controller.signal })
    for (let i = 0; i < 100 && !svc.ports.isListening(3001); i++) await new Promise((r) => setTimeout(r, 5))
    svc.ports.expose(3001)
    expect(await (await svc.ports.dispatch(3001, new Request('https://p/hello.txt'))).text()).toBe('hi')
    const second = await runCommand(['serve', '-p', '3001'], { fs: svc.fs })
    expect(second).toMatchObject({ code: 1, stderr: 'serve: port 3001 is already in use\n' })
    controller.abort({ status: 143 })
    expect(await running).toMatchObject({ code: 143, stdout: 'Serving /home/user on port 3001\n' })
    expect(svc.ports.isListening(3001)).toBe(false)
  })

  it('says so in a shell without sandbox ports', async () => {
    expect(await runCommand('serve')).toMatchObject({ code: 1, stderr: 'serve: this shell has no sandbox ports\n' })
  })
})
