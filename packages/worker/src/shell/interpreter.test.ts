import { describe, expect, it } from 'vitest'
import { testShell } from './testing/shell.js'

describe('interpreter', () => {
  it('writes, appends and reads files through redirections', async () => {
    const sh = testShell()
    expect(await sh.run('echo hello > f.txt; echo more >> f.txt; cat < f.txt')).toEqual({ stdout: 'hello\nmore\n', stderr: '', code: 0 })
  })

  it('ends `yes | head` through a broken pipe', async () => {
    const sh = testShell()
    const r = await sh.run('yes | head -n 3; echo ${PIPESTATUS[@]}')
    expect(r.stdout).toBe('y\ny\ny\n141 0\n')
  })

  it('streams a long pipeline with back-pressure', async () => {
    const sh = testShell()
    expect((await sh.run('seq 1 50000 | sort -rn | head -n 1')).stdout).toBe('50000\n')
  })

  it('stops an endless loop at the exec timeout with status 124', async () => {
    const sh = testShell()
    const r = await sh.run('while true; do :; done', { timeoutMs: 100 })
    expect(r.code).toBe(124)
    expect((await sh.run('echo alive')).stdout).toBe('alive\n')
  })

  it('stops `yes` at the timeout', async () => {
    const sh = testShell()
    expect((await sh.run('yes > /dev/null', { timeoutMs: 100 })).code).toBe(124)
  })

  it('is interrupted by an abort signal with status 130', async () => {
    const sh = testShell()
    const ac = new AbortController()
    setTimeout(() => ac.abort(), 50)
    expect((await sh.run('while :; do :; done', { signal: ac.signal })).code).toBe(130)
  })

  it('limits runaway recursion with an error and survives', async () => {
    const sh = testShell()
    const r = await sh.run('f() { f; }; f; echo unreachable')
    expect(r.code).toBe(1)
    expect(r.stderr).toMatch(/maximum function nesting level exceeded/)
    expect((await sh.run('echo ok')).stdout).toBe('ok\n')
  })

  it('bounds concurrent pipeline stages so a fork bomb fails instead of exploding', async () => {
    const sh = testShell()
    const r = await sh.run('f() { f | f; }; f', { timeoutMs: 10_000 })
    expect(r.stderr).toContain('fork: retry: Resource temporarily unavailable')
    expect(r.code).not.toBe(124)
    expect((await sh.run('echo ok')).stdout).toBe('ok\n')
  })

  it('reports syntax errors with status 2 and keeps running later commands', async () => {
    const sh = testShell()
    const r = await sh.run('echo a; fi')
    expect(r).toEqual({ stdout: '', stderr: "bash: syntax error near unexpected token `fi'\nbash: `echo a; fi'\n", code: 2 })
    expect((await sh.run('echo b')).stdout).toBe('b\n')
  })

  it('says command not found with 127 and checks the execute bit (126)', async () => {
    const sh = testShell({ 's.sh': 'echo run\n' })
    expect(await sh.run('nosuch')).toEqual({ stdout: '', stderr: 'bash: nosuch: command not found\n', code: 127 })
    expect((await sh.run('./s.sh')).code).toBe(126)
    expect((await sh.run('chmod +x s.sh; ./s.sh')).stdout).toBe('run\n')
  })

  it('keeps cwd, exported variables and aliases in the snapshot', async () => {
    const sh = testShell()
    await sh.run('mkdir -p d; cd d; export K=v; alias ll="ls -l"')
    expect(sh.shell.snapshot()).toMatchObject({ cwd: '/home/user/d', env: { K: 'v' }, aliases: { ll: 'ls -l' } })
  })

  it('runs background jobs and waits for them', async () => {
    const sh = testShell()
    expect((await sh.run('(echo late) & wait; echo done')).stdout).toBe('late\ndone\n')
  })

  it('honours set -e, -u, -x and pipefail', async () => {
    const sh = testShell()
    expect((await sh.run('set -e; false; echo no')).code).toBe(1)
    expect((await sh.run('set -o pipefail; false | true')).code).toBe(1)
    expect((await sh.run('set -x; echo hi')).stderr).toBe('+ echo hi\n')
  })
})
