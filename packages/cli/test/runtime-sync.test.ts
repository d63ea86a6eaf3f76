import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ensureCliBuilt, runCli } from './helpers/cli.js'
import { startFakeCloudflare, type FakeCloudflare } from './helpers/fake-cloudflare.js'

let cf: FakeCloudflare
let dir: string

beforeAll(() => ensureCliBuilt(), 120_000)
beforeEach(async () => {
  cf = await startFakeCloudflare({ buckets: ['nimbus-runtime-cache-public', 'own-runtime'] })
  dir = await mkdtemp(join(tmpdir(), 'nimbus-sync-'))
  await mkdir(join(dir, 'assets/pyodide/0.27'), { recursive: true })
  await writeFile(join(dir, 'assets/pyodide/0.27/pyodide.asm.wasm'), Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]))
  await writeFile(join(dir, 'assets/pyodide/0.27/pyodide.mjs'), 'export default 1\n')
  await writeFile(join(dir, 'assets/read me.txt'), 'spaces in names\n')
})
afterEach(async () => {
  await cf.close()
  await rm(dir, { recursive: true, force: true })
})

const env = () => ({ CLOUDFLARE_API_TOKEN: cf.token, CLOUDFLARE_ACCOUNT_ID: cf.accountId, CLOUDFLARE_API_BASE_URL: cf.url })

describe('nimbus runtime sync', () => {
  it('uploads every file with its relative key and content type', async () => {
    const run = await runCli(['runtime', 'sync', '--from', 'assets', '--json'], { cwd: dir, env: env() })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    const out = JSON.parse(run.stdout) as { bucket: string; objects: Array<{ key: string; size: number }>; bytes: number }
    expect(out.bucket).toBe('nimbus-runtime-cache-public')
    expect(out.objects.map((o) => o.key)).toEqual(['pyodide/0.27/pyodide.asm.wasm', 'pyodide/0.27/pyodide.mjs', 'read me.txt'])
    const stored = cf.buckets.get('nimbus-runtime-cache-public')
    expect(stored?.get('pyodide/0.27/pyodide.asm.wasm')?.body).toEqual(Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]))
    expect(stored?.get('pyodide/0.27/pyodide.asm.wasm')?.contentType).toBe('application/wasm')
    expect(stored?.get('pyodide/0.27/pyodide.mjs')?.contentType).toBe('text/javascript')
    expect(stored?.get('read me.txt')?.body.toString()).toBe('spaces in names\n')
    expect(cf.requests.some((r) => r.path.endsWith('/objects/read%20me.txt'))).toBe(true)
  })

  it('takes the bucket from wrangler.jsonc, applies --prefix and prints a summary', async () => {
    await writeFile(
      join(dir, 'wrangler.jsonc'),
      JSON.stringify({ name: 'w', r2_buckets: [
        { binding: 'NPM_TARBALL_CACHE', bucket_name: 'w-npm-cache' },
        { binding: 'NPM_PACKUMENT_CACHE', bucket_name: 'w-npm-packument-cache' },
        { binding: 'NIMBUS_RUNTIME_CACHE', bucket_name: 'own-runtime' },
      ] }),
    )
    const run = await runCli(['runtime', 'sync', '--from', 'assets/pyodide', '--prefix', 'py/'], { cwd: dir, env: env() })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Uploaded 2 file(s)')
    expect(run.stdout).toContain('own-runtime')
    expect([...(cf.buckets.get('own-runtime')?.keys() ?? [])].sort()).toEqual(['py/0.27/pyodide.asm.wasm', 'py/0.27/pyodide.mjs'])
  })

  it('without --from, offers exactly the runtime assets the installed worker package ships', async () => {
    const { listRuntimeAssets } = await import('@nimbus-sh/worker/runtime-sync-helper')
    const shipped = listRuntimeAssets()
    expect(shipped.some((a) => a.runtime === 'python')).toBe(true)
    const run = await runCli(['runtime', 'sync', '--dry-run', '--json'], { cwd: dir, env: {} })
    expect(run.code, run.stderr).toBe(0)
    const out = JSON.parse(run.stdout) as { objects: Array<{ key: string; size: number }>; bytes: number }
    expect(out.objects).toEqual(shipped.map(({ key, size }) => ({ key, size })))
    expect(out.bytes).toBe(shipped.reduce((n, a) => n + a.size, 0))
    expect(cf.requests).toEqual([])
  })

  it('--dry-run contacts nobody', async () => {
    const run = await runCli(['runtime', 'sync', '--from', 'assets', '--dry-run'], { cwd: dir, env: {} })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('3 file(s)')
    expect(run.stdout).toContain('would upload pyodide/0.27/pyodide.mjs')
    expect(cf.requests).toEqual([])
  })

  it('explains a missing bucket, 10042, a bad token, a network failure and a bad --from', async () => {
    const missing = await runCli(['runtime', 'sync', '--from', 'assets', '--bucket', 'nope'], { cwd: dir, env: env() })
    expect(missing.code).toBe(1)
    expect(missing.stderr).toContain('The specified bucket does not exist.')
    expect(missing.stderr).toContain('nimbus setup cloudflare')

    cf.switches.r2Disabled = true
    const disabled = await runCli(['runtime', 'sync', '--from', 'assets'], { cwd: dir, env: env() })
    expect(disabled.code).toBe(6)
    expect(disabled.stderr).toContain('Enable R2 in the Cloudflare Dashboard once for the account')
    cf.switches.r2Disabled = false

    cf.switches.badToken = true
    const bad = await runCli(['runtime', 'sync', '--from', 'assets'], { cwd: dir, env: env() })
    expect(bad.code).toBe(5)
    cf.switches.badToken = false

    cf.switches.networkFailure = true
    const down = await runCli(['runtime', 'sync', '--from', 'assets'], { cwd: dir, env: env() })
    expect(down.code).toBe(4)
    cf.switches.networkFailure = false

    const noDir = await runCli(['runtime', 'sync', '--from', 'nowhere'], { cwd: dir, env: env() })
    expect(noDir.code).toBe(3)
    expect(noDir.stderr).toContain('nowhere is not a directory')
    const badPrefix = await runCli(['runtime', 'sync', '--from', 'assets', '--prefix', '../x'], { cwd: dir, env: env() })
    expect(badPrefix.code).toBe(2)
  })
})
