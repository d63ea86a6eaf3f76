import { env, evictDurableObject } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { MAX_FRAME_BYTES } from '../src/session/protocol.js'
import { count, openTerminal } from './terminal-client.js'

const PROMPT = 'user@nimbus:~$ '
const stubOf = (id: string) => env.NIMBUS_SESSION.get(env.NIMBUS_SESSION.idFromName(`legacy:public:_:${id}`))

describe('terminal over a hibernatable WebSocket', () => {
  it('shows a prompt, runs commands, keeps files', async () => {
    const t = await openTerminal('term-basic')
    expect(t.messages[0]?.t).toBe('h')
    await t.waitFor((s) => s.includes(PROMPT), 'the prompt')
    t.type('echo hello > f.txt\r')
    await t.waitFor((s) => count(s, PROMPT) >= 2, 'the second prompt')
    t.type('cat f.txt\r')
    await t.waitFor((s) => s.includes('\r\nhello\r\n'), 'hello')
    t.close()
  })

  it('a second screen gets the scrollback and shares the session', async () => {
    const a = await openTerminal('term-shared')
    await a.waitFor((s) => s.includes(PROMPT), 'the prompt')
    a.type('echo first-tab\r')
    await a.waitFor((s) => s.includes('first-tab\r\n'), 'output')
    const b = await openTerminal('term-shared')
    expect(b.messages[0]).toMatchObject({ t: 'h' })
    expect(b.screen()).toContain('first-tab')
    b.type('echo from-b\r')
    await a.waitFor((s) => s.includes('from-b\r\n'), 'output of tab b in tab a')
    a.close()
    b.close()
  })

  it('files, history and scrollback survive a restart of the Durable Object', async () => {
    const t = await openTerminal('term-restart')
    await t.waitFor((s) => s.includes(PROMPT), 'the prompt')
    t.type('mkdir -p proj && cd proj && echo kept > k.txt\r')
    await t.waitFor((s) => s.includes('user@nimbus:~/proj$ '), 'the prompt in proj')
    t.close()
    await evictDurableObject(stubOf('term-restart'), { webSockets: 'close' })
    const again = await openTerminal('term-restart')
    expect(again.screen()).toContain('echo kept > k.txt')
    await again.waitFor((s) => s.endsWith('user@nimbus:~/proj$ '), 'a fresh prompt in the saved directory')
    again.type('cat k.txt\r')
    await again.waitFor((s) => s.includes('\r\nkept\r\n'), 'the kept file')
    again.close()
  })

  it('refuses an oversized frame and stays usable', async () => {
    const t = await openTerminal('term-big-frame')
    await t.waitFor((s) => s.includes(PROMPT), 'the prompt')
    t.send(JSON.stringify({ t: 'i', d: 'x'.repeat(MAX_FRAME_BYTES + 10) }))
    await t.waitFor(() => t.messages.some((m) => m.t === 'e' && m.code === 'E_FRAME_TOO_LARGE'), 'the error frame')
    t.type('echo still-here\r')
    await t.waitFor((s) => s.includes('still-here\r\n'), 'a working session')
    t.close()
  })

  it('answers garbage frames with E_BAD_FRAME and pings with pong', async () => {
    const t = await openTerminal('term-garbage')
    t.send('not json')
    t.send({ t: 'r', c: -1, r: 5 })
    t.send({ t: 'ping' })
    await t.waitFor(() => t.messages.filter((m) => m.t === 'e' && m.code === 'E_BAD_FRAME').length === 2 && t.messages.some((m) => m.t === 'pong'), 'errors and pong')
    t.close()
  })
})

describe('exec over RPC', () => {
  it('runs a command line against the sandbox files', async () => {
    const stub = stubOf('rpc-exec')
    await stub.writeTextFile('/home/user/in.txt', 'b\na\n')
    const r = await stub.exec('cat in.txt | wc -l')
    expect(r).toMatchObject({ stdout: '2\n', stderr: '', exitCode: 0 })
    const missing = await stub.exec('cat nope.txt')
    expect(missing.exitCode).toBe(1)
    expect(missing.stderr).toBe('cat: nope.txt: No such file or directory\n')
  })

  it('a write past the quota fails with ENOSPC and loses nothing already written', async () => {
    const stub = stubOf('rpc-quota')
    expect((await stub.exec('echo safe > keep.txt')).exitCode).toBe(0)
    const big = await stub.exec('seq 1 2000000 > big.txt')
    expect(big.exitCode).not.toBe(0)
    expect(big.stderr).toContain('No space left on device')
    expect(await stub.exec('cat keep.txt')).toMatchObject({ stdout: 'safe\n', exitCode: 0 })
    expect((await stub.exec('rm -f big.txt && echo ok')).stdout).toBe('ok\n')
  })
})
