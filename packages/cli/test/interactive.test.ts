/**
 * Prompts happen only at a terminal: here stdin claims to be a TTY and answers each question
 * when it appears on stderr, running the CLI in-process from source.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PassThrough } from 'node:stream'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { runCli } from '../src/main.js'
import { startFakeCloudflare, type FakeCloudflare } from './helpers/fake-cloudflare.js'

let cf: FakeCloudflare
let dir: string

beforeEach(async () => {
  cf = await startFakeCloudflare()
  dir = await mkdtemp(join(tmpdir(), 'nimbus-tty-'))
})
afterEach(async () => {
  await cf.close()
  await rm(dir, { recursive: true, force: true })
})

function terminal(answers: Array<[RegExp, string]>) {
  const stdin = Object.assign(new PassThrough(), { isTTY: true })
  let stdout = ''
  let stderr = ''
  const asked: string[] = []
  const io = {
    cwd: dir,
    stdin,
    stdout: { isTTY: false, write: (s: string) => (stdout += s) },
    stderr: {
      isTTY: false,
      write: (s: string) => {
        stderr += s
        const next = answers[0]
        if (next && next[0].test(s)) {
          answers.shift()
          asked.push(s)
          setImmediate(() => stdin.write(`${next[1]}\n`))
        }
        return true
      },
    },
    fetch: globalThis.fetch,
  }
  return { io, out: () => ({ stdout, stderr, asked }) }
}

describe('interactive setup cloudflare', () => {
  it('asks for the token and account, then confirms before creating', async () => {
    const t = terminal([
      [/Cloudflare API token: /, cf.token],
      [/Cloudflare account ID: /, cf.accountId],
      [/Create 3 R2 bucket\(s\).*\[Y\/n\]/, 'y'],
    ])
    const code = await runCli(['setup', 'cloudflare', '--name', 'tty-test'], { ...t.io, env: { CLOUDFLARE_API_BASE_URL: cf.url } })
    const { stdout, stderr, asked } = t.out()
    expect(stderr).not.toContain(cf.token)
    expect(asked).toHaveLength(3)
    expect(code).toBe(0)
    expect(stdout).toMatch(/tty-test-npm-cache\s+created/)
    expect(cf.buckets.size).toBe(3)
  })

  it('declining the confirmation creates nothing and exits 1', async () => {
    const t = terminal([[/\[Y\/n\]/, 'n']])
    const env = { CLOUDFLARE_API_TOKEN: cf.token, CLOUDFLARE_ACCOUNT_ID: cf.accountId, CLOUDFLARE_API_BASE_URL: cf.url }
    const code = await runCli(['setup', 'cloudflare', '--name', 'tty-test'], { ...t.io, env })
    expect(code).toBe(1)
    expect(t.out().stderr).toContain('cancelled; nothing was created')
    expect(cf.buckets.size).toBe(0)
  })

  it('--yes skips the question', async () => {
    const t = terminal([])
    const env = { CLOUDFLARE_API_TOKEN: cf.token, CLOUDFLARE_ACCOUNT_ID: cf.accountId, CLOUDFLARE_API_BASE_URL: cf.url }
    expect(await runCli(['setup', 'cloudflare', '--name', 'tty-test', '--yes'], { ...t.io, env })).toBe(0)
    expect(t.out().asked).toEqual([])
    expect(cf.buckets.size).toBe(3)
  })
})

describe('colour', () => {
  it('colours a terminal, not when NO_COLOR is set', async () => {
    const make = () => {
      let out = ''
      return { get: () => out, stream: { isTTY: true, write: (s: string) => (out += s) } }
    }
    const a = make()
    await runCli(['--help'], { cwd: dir, env: {}, stdin: new PassThrough(), stdout: a.stream, stderr: a.stream, fetch })
    expect(a.get()).toContain('\u001b[1m')
    const b = make()
    await runCli(['--help'], { cwd: dir, env: { NO_COLOR: '1' }, stdin: new PassThrough(), stdout: b.stream, stderr: b.stream, fetch })
    expect(b.get()).not.toContain('\u001b[')
  })
})
