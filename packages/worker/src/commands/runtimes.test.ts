import { describe, expect, it } from 'vitest'
import type { RuntimeProvider } from '../runtimes/registry.js'
import { testSandbox } from '../sandbox/testing.js'
import { runCommand } from './testing.js'

/** A provider that records its installs; `fail` makes the first install throw. */
function fakeProvider(id: RuntimeProvider['id'], opts: { fail?: string } = {}): RuntimeProvider & { installs: number } {
  let fail = opts.fail
  let ready = false
  const p = {
    id,
    installs: 0,
    async install() {
      p.installs++
      if (fail) {
        const message = fail
        fail = undefined
        throw new Error(message)
      }
      ready = true
    },
    isInstalled: () => ready,
  }
  return p
}

describe('runtimes', () => {
  it('lists every runtime with installed marks, and the same records as the SDK', async () => {
    const python = fakeProvider('python')
    const { svc, ctx } = testSandbox({}, { python })
    const before = await runCommand('runtimes', { fs: svc.fs })
    expect(before.code).toBe(0)
    expect(before.stdout.split('\n').slice(0, 2)).toEqual(['  NAME    STATE', '  node    not available in this build'])
    expect(before.stdout).toContain('* shell   installed\n')
    expect(before.stdout).toContain('  python  available\n')

    const installed = await runCommand('runtimes install python', { fs: svc.fs })
    expect(installed).toMatchObject({ code: 0, stdout: '', stderr: 'Installing python…\npython installed\n' })
    expect(python.installs).toBe(1)
    // The SDK's view of the same sandbox.
    expect(svc.installedRuntimes()).toEqual(['python', 'shell'])
    expect(svc.availableRuntimes(ctx).find((r) => r.name === 'python')).toMatchObject({ installed: true })
    expect((await runCommand('runtimes list', { fs: svc.fs })).stdout).toContain('* python  installed\n')
    expect(await runCommand('runtimes installed', { fs: svc.fs })).toMatchObject({ code: 0, stdout: 'python\nshell\n' })

    // Installing again does nothing; what the SDK installs, the shell sees.
    expect(await runCommand('runtimes install python', { fs: svc.fs })).toMatchObject({ code: 0, stderr: 'python is already installed\n' })
    expect(python.installs).toBe(1)
  })

  it('sees runtimes the SDK installed', async () => {
    const ruby = fakeProvider('ruby')
    const { svc, ctx } = testSandbox({}, { ruby })
    await svc.installRuntime(ctx, 'ruby')
    expect(await runCommand('runtimes installed', { fs: svc.fs })).toMatchObject({ stdout: 'ruby\nshell\n' })
  })

  it('prints JSON with --json', async () => {
    const { svc } = testSandbox({}, { python: fakeProvider('python') })
    const list = await runCommand('runtimes --json', { fs: svc.fs })
    const rows = JSON.parse(list.stdout) as Array<{ name: string; allowed: boolean; available: boolean; installed: boolean }>
    expect(rows.find((r) => r.name === 'python')).toEqual({ name: 'python', allowed: true, available: true, installed: false })
    expect(rows).toHaveLength(8)
    expect(await runCommand('runtimes ensure python shell --json', { fs: svc.fs })).toMatchObject({ code: 0, stderr: '', stdout: '{"installed":["python","shell"]}\n' })
    expect(JSON.parse((await runCommand('runtimes installed --json', { fs: svc.fs })).stdout)).toEqual(['python', 'shell'])
  })

  it('follows the policy of the profile the sandbox was readied with', async () => {
    const python = fakeProvider('python')
    const node = fakeProvider('node')
    const { svc, ctx } = testSandbox({ runtimes: { allow: ['shell', 'python'], onDemand: false } }, { python, node })
    await svc.ready(ctx)
    const list = await runCommand('runtimes', { fs: svc.fs })
    expect(list.stdout).toContain('  node    not allowed by the sandbox profile\n')
    const refused = await runCommand('runtimes install node', { fs: svc.fs })
    expect(refused.code).toBe(126)
    expect(refused.stderr).toBe('runtimes: runtime "node" is not allowed by this sandbox profile (allowed: shell, python)\n')
    const onDemand = await runCommand('runtimes install python', { fs: svc.fs })
    expect(onDemand.code).toBe(1)
    expect(onDemand.stderr).toContain('runtimes.onDemand: false')
    // ensure checks every name before installing any.
    expect((await runCommand('runtimes ensure python node', { fs: svc.fs })).code).toBe(126)
    expect(node.installs + python.installs).toBe(0)
  })

  it('reports a failed install with the reason, records nothing, and a retry works', async () => {
    const python = fakeProvider('python', { fail: 'fetching python.wasm: 503' })
    const { svc } = testSandbox({}, { python })
    const failed = await runCommand('runtimes install python --json', { fs: svc.fs })
    expect(failed.code).toBe(1)
    expect(JSON.parse(failed.stdout)).toEqual({ error: 'installing "python" failed: fetching python.wasm: 503', code: 'E_RUNTIME_INSTALL_FAILED' })
    expect(svc.installedRuntimes()).toEqual(['shell'])
    expect(await runCommand('runtimes install -q python', { fs: svc.fs })).toMatchObject({ code: 0, stderr: '' })
    expect(svc.installedRuntimes()).toEqual(['python', 'shell'])
  })

  it('rejects bad input with usage errors', async () => {
    const { svc } = testSandbox()
    expect(await runCommand('runtimes install', { fs: svc.fs })).toMatchObject({ code: 2, stderr: "runtimes: install: name at least one runtime\nTry 'runtimes --help' for more information.\n" })
    expect((await runCommand('runtimes install cobol', { fs: svc.fs })).stderr).toContain("unknown runtime 'cobol'")
    expect((await runCommand('runtimes frobnicate', { fs: svc.fs })).code).toBe(2)
    // The test sandbox's registry has no providers: git stands for a runtime this build lacks.
    expect((await runCommand('runtimes install git', { fs: svc.fs })).stderr).toBe('runtimes: runtime "git" is not available in this build of Nimbus\n')
    const help = await runCommand('runtimes --help', { fs: svc.fs })
    expect(help.code).toBe(0)
    expect(help.stdout).toContain('ensure NAME...')
  })

  it('says so in a shell with no sandbox behind it', async () => {
    expect(await runCommand('runtimes')).toMatchObject({ code: 1, stderr: 'runtimes: this shell has no sandbox runtime manager\n' })
  })
})

describe('the shell policy for runtime commands', () => {
  it('refuses python, ruby and node with 126 when the profile does not allow them', async () => {
    const { svc, ctx } = testSandbox({ root: '/home/user', runtimes: { allow: ['shell', 'node'] } })
    await svc.ready(ctx)
    const py = await svc.exec(ctx, 'python3 -c "print(1)"')
    expect(py).toMatchObject({ exitCode: 126, stdout: '', stderr: 'python3: runtime "python" is not allowed by this sandbox profile (allowed: shell, node)\n' })
    expect(await svc.exec(ctx, 'ruby -e "puts 1"; echo "status $?"')).toMatchObject({ stdout: 'status 126\n' })
    // node is allowed: it gets past the policy (and here fails for want of a Worker Loader).
    const js = await svc.exec(ctx, 'node -e "1"')
    expect(js.exitCode).not.toBe(126)
    expect(js.stderr).toContain('Worker Loader')
  })

  it('refuses node, bun and npm when node is not allowed', async () => {
    const { svc, ctx } = testSandbox({ runtimes: { allow: ['shell', 'python'] } })
    await svc.ready(ctx)
    expect(await svc.exec(ctx, 'node -e "1"')).toMatchObject({ exitCode: 126, stderr: 'node: runtime "node" is not allowed by this sandbox profile (allowed: shell, python)\n' })
  })

  it('allows everything until a profile is applied', async () => {
    const { svc, ctx } = testSandbox({ runtimes: { allow: ['shell'] } })
    expect((await svc.exec(ctx, 'python -V')).stdout).toMatch(/^Python 3\./)
  })
})
