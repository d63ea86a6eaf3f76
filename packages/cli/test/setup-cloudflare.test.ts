import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ensureCliBuilt, runCli } from './helpers/cli.js'
import { startFakeCloudflare, type FakeCloudflare } from './helpers/fake-cloudflare.js'

const BUCKETS = ['my-nimbus-npm-cache', 'my-nimbus-npm-packument-cache', 'nimbus-runtime-cache-public']

let cf: FakeCloudflare
let dir: string

beforeAll(() => ensureCliBuilt(), 120_000)
beforeEach(async () => {
  cf = await startFakeCloudflare()
  dir = await mkdtemp(join(tmpdir(), 'nimbus-setup-'))
})
afterEach(async () => {
  await cf.close()
  await rm(dir, { recursive: true, force: true })
})

const env = () => ({ CLOUDFLARE_API_TOKEN: cf.token, CLOUDFLARE_ACCOUNT_ID: cf.accountId, CLOUDFLARE_API_BASE_URL: cf.url })
const mutations = () => cf.requests.filter((r) => r.method !== 'GET')

describe('nimbus setup cloudflare', () => {
  it('creates the three buckets, then a second run reports them and changes nothing', async () => {
    const first = await runCli(['setup', 'cloudflare', '--name', 'my-nimbus'], { cwd: dir, env: env() })
    expect(first.stderr).toContain('token verified')
    expect(first.code).toBe(0)
    expect([...cf.buckets.keys()].sort()).toEqual(BUCKETS)
    for (const b of BUCKETS) expect(first.stdout).toMatch(new RegExp(`${b}\\s+created`))
    expect(first.stdout).toContain('npx wrangler secret put JWT_SECRET')
    expect(first.stdout).not.toContain('\u001b[')
    expect(cf.requests[0]?.path).toBe('/user/tokens/verify')
    expect(cf.requests.every((r) => r.authorization === `Bearer ${cf.token}`)).toBe(true)

    const before = mutations().length
    const second = await runCli(['setup', 'cloudflare', '--name', 'my-nimbus'], { cwd: dir, env: env() })
    expect(second.code).toBe(0)
    for (const b of BUCKETS) expect(second.stdout).toMatch(new RegExp(`${b}\\s+exists`))
    expect(second.stdout).toContain('All buckets already exist; nothing changed.')
    expect(second.stdout).toContain('npx wrangler secret put JWT_SECRET')
    expect(mutations().length).toBe(before)
  })

  it('reads bucket names from wrangler.jsonc with comments and reports JSON', async () => {
    await writeFile(
      join(dir, 'wrangler.jsonc'),
      `// my worker\n{\n  "name": "w1", /* inline */\n  "r2_buckets": [\n    { "binding": "NPM_TARBALL_CACHE", "bucket_name": "t-cache" },\n    { "binding": "NPM_PACKUMENT_CACHE", "bucket_name": "p-cache" }, // packuments\n    { "binding": "NIMBUS_RUNTIME_CACHE", "bucket_name": "r-cache" },\n  ],\n}\n`,
    )
    cf.buckets.set('p-cache', new Map())
    const run = await runCli(['setup', 'cloudflare', '--json', '--yes'], { cwd: dir, env: env() })
    expect(run.code).toBe(0)
    const out = JSON.parse(run.stdout) as { ok: boolean; buckets: Array<{ binding: string; name: string; status: string }>; next: string[] }
    expect(out.ok).toBe(true)
    expect(out.buckets).toEqual([
      { binding: 'NPM_TARBALL_CACHE', name: 't-cache', status: 'created' },
      { binding: 'NPM_PACKUMENT_CACHE', name: 'p-cache', status: 'exists' },
      { binding: 'NIMBUS_RUNTIME_CACHE', name: 'r-cache', status: 'created' },
    ])
    expect(out.next).toContain('npx wrangler secret put JWT_SECRET')
  })

  it('--dry-run lists and creates nothing', async () => {
    const run = await runCli(['setup', 'cloudflare', '--name', 'my-nimbus', '--dry-run'], { cwd: dir, env: env() })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('would create')
    expect(run.stdout).toContain('dry run: nothing changed')
    expect(mutations()).toEqual([])
    expect(cf.buckets.size).toBe(0)
  })

  it('follows list pagination so existing buckets on later pages are found', async () => {
    await cf.close()
    const many = Array.from({ length: 45 }, (_, i) => `bucket-${String(i).padStart(2, '0')}`)
    cf = await startFakeCloudflare({ maxPerPage: 20, buckets: [...many, 'zz-npm-cache', 'zz-npm-packument-cache', 'nimbus-runtime-cache-public'] })
    const listed = await runCli(['setup', 'cloudflare', '--name', 'zz'], { cwd: dir, env: env() })
    expect(listed.code).toBe(0)
    expect(cf.requests.filter((r) => r.path.endsWith('/r2/buckets')).map((r) => r.query['cursor'])).toEqual([undefined, '20', '40'])
    expect(mutations()).toEqual([])
  })

  it('prints the R2 enablement guidance for error 10042 and exits 6', async () => {
    cf.switches.r2Disabled = true
    const run = await runCli(['setup', 'cloudflare', '--name', 'my-nimbus'], { cwd: dir, env: env() })
    expect(run.code).toBe(6)
    expect(run.stderr).toContain('10042')
    expect(run.stderr).toContain('Enable R2 in the Cloudflare Dashboard once for the account, then rerun the setup command.')
    expect(cf.buckets.size).toBe(0)
  })

  it('rejects a bad token with exit 5 and says which permission to create', async () => {
    cf.switches.badToken = true
    const run = await runCli(['setup', 'cloudflare', '--name', 'my-nimbus', '--json'], { cwd: dir, env: env() })
    expect(run.code).toBe(5)
    expect(run.stderr).toContain('Cloudflare rejected the API token: Invalid API Token (Cloudflare error 1000)')
    expect(run.stderr).toContain('Workers R2 Storage: Edit')
    expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, code: 'E_CF_AUTH' })
    expect(mutations()).toEqual([])
  })

  it('reports a network failure with exit 4', async () => {
    cf.switches.networkFailure = true
    const run = await runCli(['setup', 'cloudflare', '--name', 'my-nimbus'], { cwd: dir, env: env() })
    expect(run.code).toBe(4)
    expect(run.stderr).toMatch(/could not reach the Cloudflare API at http:\/\/127\.0\.0\.1:\d+\/client\/v4/)
    expect(run.stderr).toContain('CLOUDFLARE_API_BASE_URL')
  })

  it('without a token, account or wrangler.jsonc explains what to set (exit 3, no prompt without a TTY)', async () => {
    const noToken = await runCli(['setup', 'cloudflare', '--name', 'my-nimbus'], { cwd: dir, env: { ...env(), CLOUDFLARE_API_TOKEN: undefined } })
    expect(noToken.code).toBe(3)
    expect(noToken.stderr).toContain('CLOUDFLARE_API_TOKEN is not set')
    const noAccount = await runCli(['setup', 'cloudflare', '--name', 'my-nimbus'], { cwd: dir, env: { ...env(), CLOUDFLARE_ACCOUNT_ID: undefined } })
    expect(noAccount.code).toBe(3)
    expect(noAccount.stderr).toContain('Set CLOUDFLARE_ACCOUNT_ID or pass --account-id')
    const noConfig = await runCli(['setup', 'cloudflare'], { cwd: dir, env: env() })
    expect(noConfig.code).toBe(3)
    expect(noConfig.stderr).toContain('no wrangler.jsonc in')
    expect(noConfig.stderr).toContain('--name <worker>')
    expect(cf.requests).toEqual([])
  })

  it('validates the account id and a broken wrangler.jsonc', async () => {
    const badId = await runCli(['setup', 'cloudflare', '--name', 'my-nimbus', '--account-id', 'nope'], { cwd: dir, env: env() })
    expect(badId.code).toBe(2)
    expect(badId.stderr).toContain('"nope" is not a Cloudflare account ID')
    await writeFile(join(dir, 'wrangler.jsonc'), '{ "name": "x", "r2_buckets": [ }')
    const broken = await runCli(['setup', 'cloudflare'], { cwd: dir, env: env() })
    expect(broken.code).toBe(3)
    expect(broken.stderr).toMatch(/Cannot parse .*wrangler\.jsonc/)
  })

  it('uses --account-id over the environment and reports an account the token cannot reach', async () => {
    const other = 'ffffffffffffffffffffffffffffffff'
    const run = await runCli(['setup', 'cloudflare', '--name', 'my-nimbus', '--account-id', other], { cwd: dir, env: env() })
    expect(run.code).toBe(5)
    expect(run.stderr).toContain(`Cloudflare refused access to account ${other}`)
  })
})
