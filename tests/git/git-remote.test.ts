/** fetch, pull and push against a real `git http-backend`, checked with the host `git`. */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { sandbox } from './harness.js'
import { hostGit, makeBareRepo, startGitServer, writeFiles, type GitServer } from './http-backend.js'

let srv: GitServer
let bare: string
const R = '/home/user/shared'

beforeAll(async () => {
  srv = await startGitServer()
  bare = makeBareRepo(srv.root, 'shared', (w) => {
    writeFiles(w, { 'README.md': 'shared\n', 'lib/util.js': 'export const x = 1\n' })
    hostGit(w, 'add', '.')
    hostGit(w, 'commit', '-qm', 'base')
  })
})
afterAll(() => srv.close())

/** A host clone of the served repository, for checking what arrived. */
function hostCheckout(): string {
  const dir = mkdtempSync(join(tmpdir(), 'nimbus-git-check-'))
  hostGit(dir, 'clone', '-q', bare, 'repo')
  return join(dir, 'repo')
}

describe('push, fetch, pull', () => {
  it('pushes a commit that the host git then sees, with its files', async () => {
    const sb = sandbox()
    expect((await sb.run(`git clone -q ${srv.url}/shared.git`)).code).toBe(0)
    sb.write(`${R}/feature/new.txt`, 'made in the sandbox\n')
    sb.write(`${R}/README.md`, 'shared\nedited in the sandbox\n')
    await sb.run('git add -A', R)
    expect((await sb.run('git commit -m "sandbox change"', R)).code).toBe(0)
    expect((await sb.run('git status', R)).stdout).toContain("Your branch is ahead of 'origin/main' by 1 commit.")
    const push = await sb.run('git push', R)
    expect(push.code).toBe(0)
    expect(push.stderr).toMatch(new RegExp(`To ${srv.url}/shared.git\\n   [0-9a-f]{7}\\.\\.[0-9a-f]{7}  main -> main\\n`))
    const local = (await sb.run('git rev-parse HEAD', R)).stdout.trim()
    expect(hostGit(bare, 'rev-parse', 'main').trim()).toBe(local)
    expect(hostGit(bare, 'log', '-1', '--format=%an <%ae> %s', 'main').trim()).toBe('Sandbox User <user@example.com> sandbox change')
    expect(hostGit(bare, 'fsck', '--strict').trim()).toBe('')
    const dir = hostCheckout()
    try {
      expect(readFileSync(join(dir, 'feature/new.txt'), 'utf8')).toBe('made in the sandbox\n')
      expect(readFileSync(join(dir, 'README.md'), 'utf8')).toBe('shared\nedited in the sandbox\n')
    } finally {
      rmSync(join(dir, '..'), { recursive: true, force: true })
    }
    expect((await sb.run('git status', R)).stdout).toContain("Your branch is up to date with 'origin/main'.")
  })

  it('pushes a new branch with -u and sets its upstream', async () => {
    const sb = sandbox()
    await sb.run(`git clone -q ${srv.url}/shared.git`)
    await sb.run('git switch -c topic', R)
    sb.write(`${R}/topic.txt`, 'topic\n')
    await sb.run('git add topic.txt', R)
    await sb.run('git commit -qm topic', R)
    const noUpstream = await sb.run('git push', R)
    expect(noUpstream.code).toBe(128)
    expect(noUpstream.stderr).toContain('fatal: The current branch topic has no upstream branch.')
    const push = await sb.run('git push -u origin topic', R)
    expect(push.code).toBe(0)
    expect(push.stderr).toContain(' * [new branch]      topic -> topic')
    expect(push.stdout).toBe("branch 'topic' set up to track 'origin/topic'.\n")
    expect((await sb.run('git config branch.topic.merge', R)).stdout).toBe('refs/heads/topic\n')
    expect(hostGit(bare, 'show', 'topic:topic.txt')).toBe('topic\n')
    expect((await sb.run('git push', R)).stderr).toBe('Everything up-to-date\n')
  })

  it('fetches and pulls what someone else pushed, and rejects a stale push', async () => {
    const sb = sandbox()
    await sb.run(`git clone -q ${srv.url}/shared.git`)
    // Someone else pushes from the host.
    const dir = hostCheckout()
    writeFiles(dir, { 'from-host.txt': 'host\n' })
    hostGit(dir, 'add', '.')
    hostGit(dir, 'commit', '-qm', 'from host')
    hostGit(dir, 'push', '-q', 'origin', 'main')
    rmSync(join(dir, '..'), { recursive: true, force: true })

    sb.write(`${R}/mine.txt`, 'mine\n')
    await sb.run('git add mine.txt', R)
    await sb.run('git commit -qm mine', R)
    const stale = await sb.run('git push', R)
    expect(stale.code).toBe(1)
    expect(stale.stderr).toContain(' ! [rejected]        main -> main (fetch first)')
    expect(stale.stderr).toContain(`error: failed to push some refs to '${srv.url}/shared.git'`)

    const fetched = await sb.run('git fetch', R)
    expect(fetched.code).toBe(0)
    expect(fetched.stderr).toMatch(new RegExp(`From ${srv.url}/shared.git\\n   [0-9a-f]{7}\\.\\.[0-9a-f]{7}\\s+main\\s+-> origin/main\\n`))
    expect((await sb.run('git status', R)).stdout).toContain("Your branch and 'origin/main' have diverged")
    const pull = await sb.run('git pull', R)
    expect(pull.code).toBe(0)
    expect(pull.stdout).toContain("Merge made by the 'ort' strategy.")
    expect(sb.read(`${R}/from-host.txt`)).toBe('host\n')
    expect((await sb.run('git push', R)).code).toBe(0)
    expect(hostGit(bare, 'show', 'main:mine.txt')).toBe('mine\n')
    expect(hostGit(bare, 'rev-list', '--parents', '-n', '1', 'main').trim().split(' ')).toHaveLength(3)
  })

  it('fast-forwards on pull and reports an unknown remote', async () => {
    const a = sandbox()
    const b = sandbox()
    await a.run(`git clone -q ${srv.url}/shared.git`)
    await b.run(`git clone -q ${srv.url}/shared.git`)
    a.write(`${R}/ff.txt`, 'ff\n')
    await a.run('git add ff.txt', R)
    await a.run('git commit -qm ff', R)
    expect((await a.run('git push -q', R)).code).toBe(0)
    const pull = await b.run('git pull', R)
    expect(pull.code).toBe(0)
    expect(pull.stdout).toMatch(/^Updating [0-9a-f]{7}\.\.[0-9a-f]{7}\nFast-forward\n ff.txt \| 1 \+\n/)
    expect(b.read(`${R}/ff.txt`)).toBe('ff\n')
    const bad = await b.run('git fetch upstream', R)
    expect(bad.code).toBe(128)
    expect(bad.stderr).toContain("fatal: 'upstream' does not appear to be a git repository")
    await b.run(`git remote add upstream ${srv.url}/shared.git`, R)
    expect((await b.run('git fetch upstream', R)).code).toBe(0)
    expect((await b.run('git branch -r', R)).stdout).toContain('upstream/main')
  })

  it('pushes a tag and deletes a remote branch', async () => {
    const sb = sandbox()
    await sb.run(`git clone -q ${srv.url}/shared.git`)
    await sb.run('git tag -a v9 -m "nine"', R)
    const tag = await sb.run('git push origin v9', R)
    expect(tag.code).toBe(0)
    expect(tag.stderr).toContain(' * [new tag]         v9 -> v9')
    expect(hostGit(bare, 'cat-file', '-t', 'v9').trim()).toBe('tag')
    await sb.run('git branch gone', R)
    expect((await sb.run('git push origin gone', R)).code).toBe(0)
    expect(hostGit(bare, 'branch', '--list', 'gone').trim()).toBe('gone')
    const del = await sb.run('git push --delete origin gone', R)
    expect(del.code).toBe(0)
    expect(hostGit(bare, 'branch', '--list', 'gone').trim()).toBe('')
  })

  it('clones an empty repository and pushes its first commit', async () => {
    hostGit(srv.root, 'init', '-q', '--bare', '-b', 'main', 'empty.git')
    const sb = sandbox()
    const r = await sb.run(`git clone ${srv.url}/empty.git`)
    expect(r.code).toBe(0)
    expect(r.stderr).toBe("Cloning into 'empty'...\nwarning: You appear to have cloned an empty repository.\n")
    sb.write('/home/user/empty/first.txt', 'first\n')
    await sb.run('git add .', '/home/user/empty')
    expect((await sb.run('git commit -m first', '/home/user/empty')).code).toBe(0)
    const push = await sb.run('git push -u origin main', '/home/user/empty')
    expect(push.stderr).toContain(' * [new branch]      main -> main')
    expect(push.code).toBe(0)
    expect(hostGit(join(srv.root, 'empty.git'), 'show', 'main:first.txt')).toBe('first\n')
  })

  it('pushes to a protected repository with a token and masks it', async () => {
    makeBareRepo(srv.root, 'guarded', (w) => {
      writeFiles(w, { 'a.txt': 'a\n' })
      hostGit(w, 'add', '.')
      hostGit(w, 'commit', '-qm', 'a')
    })
    const sb = sandbox({ env: { GIT_TOKEN: srv.password } })
    expect((await sb.run(`git clone -q ${srv.url}/private/guarded.git`)).code).toBe(0)
    sb.write('/home/user/guarded/b.txt', 'b\n')
    await sb.run('git add b.txt', '/home/user/guarded')
    await sb.run('git commit -qm b', '/home/user/guarded')
    const push = await sb.run('git push', '/home/user/guarded')
    expect(push.code).toBe(0)
    expect(push.stderr + push.stdout).not.toContain(srv.password)
    expect(hostGit(join(srv.root, 'guarded.git'), 'show', 'main:b.txt')).toBe('b\n')
  })
})
