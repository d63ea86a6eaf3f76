import { describe, expect, it } from 'vitest'
import type { RuntimeProvider } from '../runtimes/registry.js'
import { SandboxError } from './errors.js'
import { testSandbox } from './testing.js'
import type { SqlStore } from '../vfs/sql.js'
import { nodeSqlStore } from '../vfs/testing.js'

/** node:sqlite with a count of the statements run (what each costs a Durable Object). */
function countedSql(): SqlStore & { statements: number } {
  const inner = nodeSqlStore()
  const store: SqlStore & { statements: number } = {
    statements: 0,
    all(query, ...params) {
      store.statements++
      return inner.all(query, ...params)
    },
    run(query, ...params) {
      store.statements++
      inner.run(query, ...params)
    },
    transaction: (fn) => inner.transaction(fn),
  }
  return store
}

const code = async (p: Promise<unknown> | (() => unknown)): Promise<string | undefined> => {
  try {
    await (typeof p === 'function' ? p() : p)
  } catch (e) {
    return (e as { code?: string }).code
  }
  return undefined
}

describe('files', () => {
  it('confines paths to the profile root', async () => {
    const { svc, ctx } = testSandbox({ root: '/home/user/app' })
    svc.writeFile(ctx, 'x.txt', 'in')
    expect(svc.readFile(ctx, '/home/user/app/x.txt')).toBe('in')
    expect(await code(() => svc.readFile(ctx, '../../../etc/hostname'))).toBe('E_PATH_OUTSIDE_ROOT')
    expect(await code(() => svc.writeFile(ctx, '/etc/evil', 'x'))).toBe('E_PATH_OUTSIDE_ROOT')
    expect(await code(svc.exec(ctx, 'pwd', { cwd: '/' }))).toBe('E_PATH_OUTSIDE_ROOT')
  })

  it('refuses a symlink inside the root that points outside it', async () => {
    const { svc, ctx } = testSandbox({ root: '/home/user/app' })
    svc.mkdir(ctx, '.')
    svc.fs.symlink('/etc', '/home/user/app/link')
    expect(await code(() => svc.readFile(ctx, 'link/hostname'))).toBe('E_PATH_OUTSIDE_ROOT')
    expect(await code(() => svc.writeFile(ctx, 'link/new.txt', 'x'))).toBe('E_PATH_OUTSIDE_ROOT')
    expect(await code(() => svc.writeFile(ctx, 'link/deep/new.txt', 'x'))).toBe('E_PATH_OUTSIDE_ROOT')
  })

  it('refuses a dangling symlink whose target lies outside the root, so a write cannot create it', async () => {
    const { svc, ctx } = testSandbox({ root: '/home/user/app' })
    svc.mkdir(ctx, '.')
    svc.fs.symlink('/tmp/planted.txt', '/home/user/app/dangling')
    expect(await code(() => svc.writeFile(ctx, 'dangling', 'x'))).toBe('E_PATH_OUTSIDE_ROOT')
    expect(svc.fs.exists('/tmp/planted.txt')).toBe(false)
    svc.fs.symlink('inside.txt', '/home/user/app/dangling-in')
    svc.writeFile(ctx, 'dangling-in', 'ok')
    expect(svc.fs.readText('/home/user/app/inside.txt')).toBe('ok')
  })

  it('accepts paths under a root that is itself a symlink', async () => {
    const { svc, ctx } = testSandbox({ root: '/home/user/linked' })
    svc.fs.mkdir('/home/user/real')
    svc.fs.symlink('/home/user/real', '/home/user/linked')
    svc.writeFile(ctx, 'sub/a.txt', 'a')
    expect(svc.fs.readText('/home/user/real/sub/a.txt')).toBe('a')
    expect(svc.readFile(ctx, 'sub/a.txt')).toBe('a')
  })

  it('reads through a final symlink only when it leads inside the root', async () => {
    const { svc, ctx } = testSandbox({ root: '/home/user/app' })
    svc.writeFile(ctx, 'real.txt', 'inside')
    svc.fs.symlink('real.txt', '/home/user/app/alias')
    svc.fs.symlink('/etc/hostname', '/home/user/app/out')
    expect(svc.readFile(ctx, 'alias')).toBe('inside')
    expect(svc.writeFile(ctx, 'alias', 'changed')).toMatchObject({ path: '/home/user/app/alias', type: 'file', size: 7 })
    expect(svc.readFile(ctx, 'real.txt')).toBe('changed')
    expect(await code(() => svc.readFile(ctx, 'out'))).toBe('E_PATH_OUTSIDE_ROOT')
    expect(await code(() => svc.writeFile(ctx, 'out', 'x'))).toBe('E_PATH_OUTSIDE_ROOT')
    expect(svc.fs.readText('/etc/hostname')).not.toBe('x')
  })

  it('answers a write with the stat the file now has', () => {
    const { svc, ctx } = testSandbox()
    const written = svc.writeFile(ctx, 'new/dir/a.txt', 'abc')
    expect(written).toEqual(svc.stat(ctx, 'new/dir/a.txt'))
    expect(svc.writeFile(ctx, 'new/dir/a.txt', 'de', { append: true })).toEqual(svc.stat(ctx, 'new/dir/a.txt'))
  })

  it('writes a small file in a known directory in six statements and reads it in one', () => {
    const sql = countedSql()
    const { svc, ctx } = testSandbox({}, {}, sql)
    svc.writeFile(ctx, 'd/first.txt', 'x')
    sql.statements = 0
    svc.writeFile(ctx, 'd/second.txt', 'second\n')
    // The entry lookup, the inode, the entry, the directory's times, the quota, the chunk.
    expect(sql.statements).toBe(6)
    sql.statements = 0
    expect(svc.readFile(ctx, 'd/second.txt')).toBe('second\n')
    expect(sql.statements).toBe(1)
  })

  it('lists, stats, renames and deletes', () => {
    const { svc, ctx } = testSandbox()
    svc.writeFile(ctx, 'd/a.txt', 'aa')
    svc.writeFile(ctx, 'd/b.txt', 'b')
    expect(svc.listFiles(ctx, 'd').map((e) => [e.name, e.size])).toEqual([['a.txt', 2], ['b.txt', 1]])
    svc.rename(ctx, 'd/a.txt', 'd/c.txt')
    expect(svc.exists(ctx, 'd/a.txt')).toBe(false)
    expect(svc.stat(ctx, 'd/c.txt')).toMatchObject({ type: 'file', size: 2, path: '/home/user/d/c.txt' })
    svc.deleteFile(ctx, 'd', { recursive: true })
    expect(svc.exists(ctx, 'd')).toBe(false)
  })
})

describe('exec', () => {
  it('runs in the root and stops at the timeout with 124, leaving the box usable', async () => {
    const { svc, ctx } = testSandbox()
    expect(await svc.exec(ctx, 'pwd')).toMatchObject({ stdout: '/home/user\n', exitCode: 0 })
    const slow = await svc.exec(ctx, 'sleep 5', { timeoutMs: 50 })
    expect(slow.exitCode).toBe(124)
    expect(slow.durationMs).toBeLessThan(2000)
    expect(await svc.exec(ctx, 'echo ok')).toMatchObject({ stdout: 'ok\n', exitCode: 0 })
  })
})

describe('processes', () => {
  it('keeps every line of a long output and follows it with a cursor', async () => {
    const { svc, ctx } = testSandbox()
    const p = svc.startProcess(ctx, 'seq 100000')
    let cursor = 0
    let text = ''
    for (;;) {
      const page = svc.logs(p.pid, { cursor, limit: 64 * 1024 })
      text += page.text
      cursor = page.cursor
      if (!page.truncated && page.state !== 'running') break
      if (!page.truncated) await new Promise((r) => setTimeout(r, 5))
    }
    const lines = text.split('\n').filter(Boolean)
    expect(lines.length).toBe(100000)
    expect(lines[0]).toBe('1')
    expect(lines[99999]).toBe('100000')
    expect(svc.processes.get(p.pid)).toMatchObject({ state: 'exited', exitCode: 0 })
  })

  it('kills a running process and records it', async () => {
    const { svc, ctx } = testSandbox()
    const p = svc.startProcess(ctx, 'echo started; sleep 60')
    expect(svc.listProcesses().map((x) => x.state)).toEqual(['running'])
    const killed = await svc.kill(p.pid)
    expect(killed).toMatchObject({ state: 'killed', exitCode: 143 })
    expect(svc.logs(p.pid).text).toBe('started\n')
    expect(await code(svc.kill(999))).toBe('E_PROCESS_NOT_FOUND')
  })

  it('marks processes of an earlier life as lost', async () => {
    const { svc, ctx } = testSandbox()
    const p = svc.startProcess(ctx, 'sleep 60')
    const { ProcessTable } = await import('./processes.js')
    // A new table over the same storage is what a restarted object builds.
    const sql = (svc.processes as unknown as { sql: ConstructorParameters<typeof ProcessTable>[0] }).sql
    const reborn = new ProcessTable(sql, async () => 0)
    expect(reborn.get(p.pid)).toMatchObject({ state: 'lost', exitCode: null })
    await svc.kill(p.pid)
  })
})

describe('runtimes', () => {
  it('enforces allow, onDemand and missing providers with typed errors', async () => {
    const { svc, ctx } = testSandbox({ runtimes: { allow: ['shell', 'ruby', 'python'], onDemand: false, preinstall: ['python'] } })
    expect(await code(svc.installRuntime(ctx, 'node'))).toBe('E_RUNTIME_NOT_ALLOWED')
    expect(await code(svc.installRuntime(ctx, 'ruby'))).toBe('E_RUNTIME_ON_DEMAND_DISABLED')
    expect(await code(svc.runCode(ctx, 'puts 1', { language: 'javascript' }))).toBe('E_RUNTIME_NOT_ALLOWED')
    expect(svc.installedRuntimes()).toEqual(['shell'])
  })

  it('fails an install with no provider as E_RUNTIME_UNAVAILABLE, and installs a registered one on ready()', async () => {
    // testSandbox's registry holds only the providers passed to it: none for git here.
    const missing = testSandbox({ runtimes: { preinstall: ['git'] } })
    expect(await code(missing.svc.ready(missing.ctx))).toBe('E_RUNTIME_UNAVAILABLE')
    let installs = 0
    const clang: RuntimeProvider = {
      id: 'clang',
      install: async ({ fs }) => {
        installs++
        fs.mkdir('/opt/clang', { recursive: true })
      },
      isInstalled: ({ fs }) => fs.exists('/opt/clang'),
    }
    const { svc, ctx } = testSandbox({ runtimes: { preinstall: ['clang'], onDemand: true } }, { clang })
    expect((await svc.ready(ctx)).installed).toEqual(['clang', 'shell'])
    await svc.ready(ctx)
    expect(installs).toBe(1)
    expect(svc.availableRuntimes(ctx).find((r) => r.name === 'clang')).toEqual({ name: 'clang', allowed: true, available: true, installed: true })
  })

  it('reports a failing install as E_RUNTIME_INSTALL_FAILED and records nothing', async () => {
    const broken: RuntimeProvider = { id: 'ruby', install: async () => Promise.reject(new Error('no network')), isInstalled: () => false }
    const { svc, ctx } = testSandbox({}, { ruby: broken })
    expect(await code(svc.installRuntime(ctx, 'ruby'))).toBe('E_RUNTIME_INSTALL_FAILED')
    expect(svc.installedRuntimes()).toEqual(['shell'])
  })

  it('runs shell code and refuses unknown languages', async () => {
    const { svc, ctx } = testSandbox()
    expect(await svc.runCode(ctx, 'echo $((6 * 7))', { language: 'shell' })).toMatchObject({ stdout: '42\n', exitCode: 0, runtime: 'shell' })
    expect(await code(svc.runCode(ctx, 'x', { language: 'cobol' }))).toBe('E_LANGUAGE_UNSUPPORTED')
    expect(await code(svc.runCode(ctx, 'print(1)', { language: 'python' }))).toBe('E_RUNTIME_NOT_INSTALLED')
    expect(await code(svc.runCode(ctx, 'print(1)', { language: 'python', install: 'ifMissing' }))).toBe('E_RUNTIME_UNAVAILABLE')
    expect(new SandboxError('E_RUNTIME_UNAVAILABLE', 'x').status).toBe(501)
  })
})

describe('ports', () => {
  it('routes requests to serve and answers 502 when unexposed or closed', async () => {
    const { svc, ctx } = testSandbox()
    svc.writeFile(ctx, 'site/index.html', '<h1>hi</h1>')
    const p = svc.startProcess(ctx, 'serve site --port 3000')
    const exposed = svc.exposePort(ctx, 3000)
    expect(exposed.url).toBe('https://nimbus.test/s/box-1/port/3000/')
    for (let i = 0; i < 100 && !svc.ports.isListening(3000); i++) await new Promise((r) => setTimeout(r, 5))
    const res = await svc.ports.dispatch(3000, new Request('https://x/'))
    expect(res.status).toBe(200)
    expect(await res.text()).toBe('<h1>hi</h1>')
    expect((await svc.ports.dispatch(3000, new Request('https://x/nope'))).status).toBe(404)
    const unexposed = await svc.ports.dispatch(4000, new Request('https://x/'))
    expect(unexposed.status).toBe(502)
    expect(await unexposed.json()).toMatchObject({ ok: false, code: 'E_PORT_NOT_LISTENING' })
    await svc.kill(p.pid)
    expect((await svc.ports.dispatch(3000, new Request('https://x/'))).status).toBe(502)
    expect(svc.listPorts(ctx)).toEqual([{ port: 3000, exposed: true, listening: false, url: 'https://nimbus.test/s/box-1/port/3000/' }])
  })
})
