import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { randomBytes } from 'node:crypto'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ensureCliBuilt, runCli } from './helpers/cli.js'

// Loaded after the build so the dist exists.
let sdk: typeof import('@nimbus-sh/sdk/token')
let dir: string
const secret = randomBytes(32).toString('hex')

beforeAll(async () => {
  ensureCliBuilt()
  sdk = await import('@nimbus-sh/sdk/token')
}, 180_000)
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'nimbus-token-'))
})
afterEach(async () => {
  await rm(dir, { recursive: true, force: true })
})

describe('nimbus token mint / verify', () => {
  it('mints a token the SDK verifies, with the requested claims', async () => {
    const run = await runCli(['token', 'mint', '--tenant', 'acme', '--sub', 'alice', '--ttl', '30m', '--scopes', 'session:attach, sandbox:use', '--session', 'pretty-otter-1'], {
      cwd: dir,
      env: { JWT_SECRET: secret },
    })
    expect(run.code).toBe(0)
    const token = run.stdout.trim()
    expect(token.split('.')).toHaveLength(3)
    expect(run.stderr).toContain('secret from environment')
    const { claims, doInstanceName } = await sdk.verifyNimbusToken({ JWT_SECRET: secret }, token, { requiredScope: 'sandbox:use', sessionId: 'pretty-otter-1' })
    expect(claims).toMatchObject({ scope: 'nimbus', tn: 'acme', sub: 'alice', scopes: ['session:attach', 'sandbox:use'], sid: 'pretty-otter-1' })
    expect(claims.exp - claims.iat).toBe(1800)
    expect(doInstanceName).toBe('acme:alice')
  })

  it('reads JWT_SECRET from .dev.vars and verifies tokens from the SDK', async () => {
    await writeFile(join(dir, '.dev.vars'), `# local\nJWT_SECRET="${secret}"\n`)
    const token = await sdk.issueNimbusToken({ JWT_SECRET: secret }, { tn: 't1', scopes: ['session:attach'] }, { ttlMs: 60_000 })
    const ok = await runCli(['token', 'verify', token, '--scope', 'session:attach', '--json'], { cwd: dir })
    expect(ok.code).toBe(0)
    expect(JSON.parse(ok.stdout)).toMatchObject({ ok: true, doInstanceName: 't1:_', claims: { tn: 't1', scopes: ['session:attach'] } })
    const minted = await runCli(['token', 'mint', '--tenant', 'x', '--json'], { cwd: dir })
    expect(JSON.parse(minted.stdout)).toMatchObject({ ok: true, secretSource: '.dev.vars', claims: { tn: 'x' } })
    const piped = await runCli(['token', 'verify', '-'], { cwd: dir, input: JSON.parse(minted.stdout).token + '\n' })
    expect(piped.code).toBe(0)
    expect(piped.stdout).toContain('valid token for tenant x')
  })

  it('rejects tokens with the auth error code and exit 5', async () => {
    const env = { JWT_SECRET: secret }
    const scoped = await sdk.issueNimbusToken(env, { tn: 'a', scopes: ['session:attach'], sid: 's1' })
    const cases: Array<[string[], string]> = [
      [[scoped, '--scope', 'sandbox:use'], 'E_SCOPE_MISSING'],
      [[scoped, '--session', 's2'], 'E_SESSION_PIN_MISMATCH'],
      [['not-a-token'], 'E_TOKEN_MALFORMED'],
      [[await sdk.issueNimbusToken({ JWT_SECRET: 'ab'.repeat(32) }, { tn: 'a' })], 'E_TOKEN_SIGNATURE'],
      [[await sdk.issueNimbusToken(env, { tn: 'a' }, { ttlMs: 1000, now: Date.now() - 3_600_000 })], 'E_TOKEN_EXPIRED'],
    ]
    for (const [args, code] of cases) {
      const run = await runCli(['token', 'verify', ...args, '--json'], { cwd: dir, env })
      expect(run.code, code).toBe(5)
      expect(JSON.parse(run.stdout)).toMatchObject({ ok: false, code })
      expect(run.stderr).toMatch(/^error: /)
    }
    const expired = await runCli(['token', 'verify', cases[4]?.[0][0] ?? ''], { cwd: dir, env })
    expect(expired.stderr).toContain('nimbus token mint --tenant')
  })

  it('explains a missing or malformed secret (exit 3) and bad flags (exit 2)', async () => {
    const none = await runCli(['token', 'mint', '--tenant', 'a'], { cwd: dir })
    expect(none.code).toBe(3)
    expect(none.stderr).toContain('no JWT_SECRET in the environment or ./.dev.vars')
    expect(none.stderr).toContain('openssl rand -hex 32')
    const short = await runCli(['token', 'verify', 'x.y.z'], { cwd: dir, env: { JWT_SECRET: 'abc' } })
    expect(short.code).toBe(3)
    expect(short.stderr).toContain('JWT_SECRET from environment is not usable')
    const env = { JWT_SECRET: secret }
    expect((await runCli(['token', 'mint'], { cwd: dir, env })).stderr).toContain('missing required option --tenant')
    expect((await runCli(['token', 'mint', '--tenant', 'a b'], { cwd: dir, env })).code).toBe(2)
    expect((await runCli(['token', 'mint', '--tenant', 'a', '--ttl', '2d'], { cwd: dir, env })).stderr).toContain('exceeds the maximum')
    expect((await runCli(['token', 'mint', '--tenant', 'a', '--ttl', 'soon'], { cwd: dir, env })).stderr).toContain('--ttl "soon" is not a duration')
    expect((await runCli(['token', 'verify'], { cwd: dir, env })).stderr).toContain('missing argument <token>')
  })
})

describe('nimbus session new', () => {
  it('prints a token URL pinned to a fresh session when a secret is available', async () => {
    const run = await runCli(['session', 'new', '--endpoint', 'https://n.example.dev', '--tenant', 'acme', '--sub', 'bob', '--json'], { cwd: dir, env: { JWT_SECRET: secret } })
    expect(run.code).toBe(0)
    const out = JSON.parse(run.stdout) as { id: string; url: string; mode: string }
    expect(out.mode).toBe('token')
    const url = new URL(out.url)
    expect(url.origin + url.pathname).toBe(`https://n.example.dev/s/${out.id}/`)
    const token = url.searchParams.get('nimbus_token') ?? ''
    const { claims } = await sdk.verifyNimbusToken({ JWT_SECRET: secret }, token, { sessionId: out.id })
    expect(claims).toMatchObject({ tn: 'acme', sub: 'bob', sid: out.id })
    const other = await runCli(['session', 'new', '--json'], { cwd: dir, env: { JWT_SECRET: secret } })
    expect((JSON.parse(other.stdout) as { id: string }).id).not.toBe(out.id)
  })

  it('prints the plain legacy URL without a secret, honouring NIMBUS_ENDPOINT and --id', async () => {
    const run = await runCli(['session', 'new', '--id', 'my-box'], { cwd: dir, env: { NIMBUS_ENDPOINT: 'http://127.0.0.1:9999' } })
    expect(run.code).toBe(0)
    expect(run.stdout.trim()).toBe('http://127.0.0.1:9999/s/my-box/')
    expect(run.stderr).toContain('legacy-public')
    const bad = await runCli(['session', 'new', '--id', '../x'], { cwd: dir })
    expect(bad.code).toBe(2)
    const badUrl = await runCli(['session', 'new', '--endpoint', 'ftp://x'], { cwd: dir })
    expect(badUrl.code).toBe(2)
  })
})
