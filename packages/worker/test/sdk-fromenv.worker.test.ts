/**
 * The sandbox SDK over DO RPC (`Nimbus.fromEnv`) against the real NimbusSession in
 * workerd: exec, files, processes and logs, ports through the router, runtime policy,
 * tenancy and bad input.
 */
import { env } from 'cloudflare:test'
import { describe, expect, it } from 'vitest'
import { defineNimbusConfig } from '@nimbus-sh/config'
import { Nimbus, NimbusSandboxError } from '@nimbus-sh/sdk/sandbox'
import { ORIGIN, send } from './auth-helpers.js'

const config = defineNimbusConfig({
  endpoint: ORIGIN,
  sandboxes: {
    default: { root: '/home/user' },
    locked: { root: '/home/user/app', runtimes: { allow: ['shell', 'python'], onDemand: false } },
  },
})

let n = 0
const fresh = (profile?: string) => Nimbus.fromEnv(env, config).sandbox(`sdk-env-${++n}-${Date.now()}`, profile ? { profile } : {})

async function codeOf(p: Promise<unknown>): Promise<{ code: string; status: number } | undefined> {
  try {
    await p
  } catch (e) {
    if (e instanceof NimbusSandboxError) return { code: e.code, status: e.status }
    throw e
  }
  return undefined
}

describe('Nimbus.fromEnv', () => {
  it('runs commands and returns the spec result shape', async () => {
    const box = fresh()
    expect(await box.ready()).toEqual({ root: '/home/user', installed: ['shell'] })
    const r = await box.exec('echo hi; echo oops >&2; exit 3')
    expect(r).toMatchObject({ stdout: 'hi\n', stderr: 'oops\n', exitCode: 3 })
    expect(typeof r.durationMs).toBe('number')
    expect(await box.exec('cat', { stdin: 'piped' })).toMatchObject({ stdout: 'piped' })
    expect(await box.exec('echo $GREETING; pwd', { env: { GREETING: 'hey' }, cwd: '/home/user' })).toMatchObject({ stdout: 'hey\n/home/user\n' })
  })

  it('writes and reads text and binary files; a missing file is ENOENT', async () => {
    const box = fresh()
    await box.files.write('/home/user/app/a.txt', 'hello')
    expect(await box.files.read('/home/user/app/a.txt')).toBe('hello')
    const bytes = new Uint8Array([0, 1, 2, 253, 254, 255])
    await box.files.write('app/b.bin', bytes)
    expect(await box.files.read('app/b.bin', { encoding: 'binary' })).toEqual(bytes)
    expect((await box.files.list('/home/user/app')).map((e) => e.name)).toEqual(['a.txt', 'b.bin'])
    expect(await box.files.exists('app/a.txt')).toBe(true)
    await box.files.rename('app/a.txt', 'app/c.txt')
    expect(await box.files.stat('app/c.txt')).toMatchObject({ type: 'file', size: 5 })
    await box.files.delete('/home/user/app/c.txt')
    expect(await codeOf(box.files.read('app/c.txt'))).toEqual({ code: 'ENOENT', status: 404 })
    await box.files.mkdir('deep/er/still')
    expect(await box.exec('ls deep/er')).toMatchObject({ stdout: 'still\n' })
  })

  it('sends calls issued together as one batch, each settling on its own', async () => {
    const box = fresh()
    const writes = await Promise.all(Array.from({ length: 200 }, (_, i) => box.files.write(`many/f${i}.txt`, `n${i}`)))
    expect(writes).toHaveLength(200)
    const reads = await Promise.allSettled([box.files.read('many/f7.txt'), box.files.read('many/none.txt'), box.files.exists('many/f199.txt')])
    expect(reads[0]).toEqual({ status: 'fulfilled', value: 'n7' })
    expect(reads[1]).toMatchObject({ status: 'rejected', reason: { code: 'ENOENT', status: 404 } })
    expect(reads[2]).toEqual({ status: 'fulfilled', value: true })
    expect((await box.files.list('many')).length).toBe(200)
  })

  it('rejects unknown methods and wrongly typed params, naming the field', async () => {
    const box = fresh()
    expect(await codeOf(box.call('files.explode', {}))).toEqual({ code: 'E_METHOD_UNKNOWN', status: 404 })
    try {
      await box.call('exec', { command: ['ls'] })
      expect.unreachable()
    } catch (e) {
      expect(e).toBeInstanceOf(NimbusSandboxError)
      expect((e as NimbusSandboxError).code).toBe('E_INVALID_PARAMS')
      expect((e as NimbusSandboxError).message).toContain('params.command')
    }
    expect(await codeOf(box.call('processes.logs', { pid: 'seven' }))).toEqual({ code: 'E_INVALID_PARAMS', status: 400 })
  })

  it('stops a command at its timeout with 124 and stays usable', async () => {
    const box = fresh()
    const r = await box.exec('while true; do :; done', { timeoutMs: 100 })
    expect(r.exitCode).toBe(124)
    expect(await box.exec('echo still here')).toMatchObject({ stdout: 'still here\n', exitCode: 0 })
  })

  it('serialises concurrent calls on one box without torn writes', async () => {
    const box = fresh()
    const big = (c: string) => c.repeat(200_000)
    await Promise.all(['a', 'b', 'c', 'd'].map((c) => box.files.write('race.txt', big(c))))
    const text = await box.files.read('race.txt')
    expect(text.length).toBe(200_000)
    expect(new Set(text).size).toBe(1)
    await Promise.all(Array.from({ length: 40 }, (_, i) => box.exec(`echo line-${i}-${'x'.repeat(100)} >> log.txt`)))
    const lines = (await box.files.read('log.txt')).trimEnd().split('\n')
    expect(lines).toHaveLength(40)
    for (const l of lines) expect(l).toMatch(/^line-\d+-x{100}$/)
  })

  it('confines files and exec to the profile root', async () => {
    const box = fresh('locked')
    expect(await codeOf(box.files.read('/etc/hostname'))).toEqual({ code: 'E_PATH_OUTSIDE_ROOT', status: 403 })
    expect(await codeOf(box.exec('ls', { cwd: '..' }))).toEqual({ code: 'E_PATH_OUTSIDE_ROOT', status: 403 })
    expect(await box.exec('pwd')).toMatchObject({ stdout: '/home/user/app\n' })
  })

  it('enforces the runtime policy with typed errors', async () => {
    const box = fresh('locked')
    expect(await codeOf(box.runtimes.install('node'))).toEqual({ code: 'E_RUNTIME_NOT_ALLOWED', status: 403 })
    expect(await codeOf(box.runtimes.install('python'))).toEqual({ code: 'E_RUNTIME_ON_DEMAND_DISABLED', status: 403 })
    expect(await codeOf(box.runCode('console.log(1)', { language: 'javascript', install: 'ifMissing' }))).toEqual({ code: 'E_RUNTIME_NOT_ALLOWED', status: 403 })
    expect(await box.runCode('echo $((2 + 2))', { language: 'shell' })).toMatchObject({ stdout: '4\n', exitCode: 0 })
    expect(await box.runtimes.installed()).toContain('shell')
    const available = await box.runtimes.available()
    expect(available.find((r) => r.name === 'node')).toMatchObject({ allowed: false })
    expect(available.find((r) => r.name === 'shell')).toMatchObject({ allowed: true, installed: true, available: true })
  })

  it('runs background processes, follows their logs to the end and kills them', async () => {
    const box = fresh()
    const p = await box.startProcess('seq 20000; echo done >&2')
    let text = ''
    let stderr = ''
    for await (const page of box.processes.follow(p.pid, { intervalMs: 10 })) {
      for (const c of page.chunks) if (c.stream === 'stdout') text += c.data
      else stderr += c.data
    }
    expect(text.split('\n').filter(Boolean)).toHaveLength(20000)
    expect(stderr).toBe('done\n')
    expect(await box.processes.get(p.pid)).toMatchObject({ state: 'exited', exitCode: 0 })

    const forever = await box.startProcess('while true; do sleep 1; done')
    expect((await box.processes.list()).find((x) => x.pid === forever.pid)?.state).toBe('running')
    const killed = await box.processes.kill(forever.pid)
    expect(killed.state).toBe('killed')
    expect(await codeOf(box.processes.logs(424242))).toEqual({ code: 'E_PROCESS_NOT_FOUND', status: 404 })
  })

  it('exposes a port served by a process in the sandbox through the router', async () => {
    const id = `sdk-port-${Date.now()}`
    const box = Nimbus.fromEnv(env, config).sandbox(id)
    await box.files.write('site/index.html', '<h1>from the sandbox</h1>')
    const server = await box.startProcess('serve site --port 3000')
    const port = await box.ports.expose(3000)
    expect(port.url).toBe(`${ORIGIN}/s/${id}/port/3000/`)
    for (let i = 0; i < 50 && !(await box.ports.list()).some((p) => p.listening); i++) await new Promise((r) => setTimeout(r, 10))
    const res = await send({ mode: 'legacy' }, {}, `/s/${id}/port/3000/`)
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('<h1>from the sandbox</h1>')
    expect((await send({ mode: 'legacy' }, {}, `/s/${id}/port/3000`)).status).toBe(308)

    const closed = await send({ mode: 'legacy' }, {}, `/s/${id}/port/4000/`)
    expect(closed.status).toBe(502)
    expect(await closed.json()).toMatchObject({ ok: false, code: 'E_PORT_NOT_LISTENING' })

    await box.processes.kill(server.pid)
    const after = await send({ mode: 'legacy' }, {}, `/s/${id}/port/3000/`)
    expect(after.status).toBe(502)
    await box.ports.unexpose(3000)
    expect(await box.ports.list()).toEqual([])
  })

  it('keeps tenants apart: the same id under two tenants is two sandboxes', async () => {
    const nimbus = Nimbus.fromEnv(env, config)
    const id = `shared-${Date.now()}`
    await nimbus.sandbox(id, { tenant: 'acme', subject: 'a' }).files.write('owned.txt', 'acme')
    expect(await codeOf(nimbus.sandbox(id, { tenant: 'other' }).files.read('owned.txt'))).toEqual({ code: 'ENOENT', status: 404 })
    expect(await nimbus.sandbox(id, { tenant: 'acme', subject: 'a' }).files.read('owned.txt')).toBe('acme')
  })

  it('refuses a missing binding, unknown profile and bad ids on the client', () => {
    expect(() => Nimbus.fromEnv({}, config)).toThrow(/NIMBUS_SESSION/)
    expect(() => Nimbus.fromEnv(env, config).sandbox('x', { profile: 'nope' })).toThrow(/unknown sandbox profile/)
    expect(() => Nimbus.fromEnv(env, config).sandbox('a/b')).toThrow(NimbusSandboxError)
    expect(() => Nimbus.fromEnv(env, config).sandbox('ok', { tenant: 'bad tenant' })).toThrow(/tenant/)
  })
})
