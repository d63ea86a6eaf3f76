/** Cloning from a real `git http-backend`: options, progress, and every failure path. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { hostGit, makeBareRepo, startGitServer, writeFiles, type GitServer } from './http-backend.js'
import { sandbox } from './harness.js'

let srv: GitServer

beforeAll(async () => {
  srv = await startGitServer()
  makeBareRepo(srv.root, 'demo', (w) => {
    writeFiles(w, { 'README.md': '# demo\n', 'src/app.js': 'console.log(1)\n', 'docs/guide.md': 'guide\n' })
    hostGit(w, 'add', '.')
    hostGit(w, 'commit', '-qm', 'initial commit')
    hostGit(w, 'tag', 'v1.0')
    hostGit(w, 'tag', '-a', 'v1.0-annotated', '-m', 'release 1.0')
    hostGit(w, 'checkout', '-qb', 'feature')
    writeFiles(w, { 'feature.txt': 'feature work\n' })
    hostGit(w, 'add', '.')
    hostGit(w, 'commit', '-qm', 'add feature')
    hostGit(w, 'checkout', '-q', 'main')
    writeFiles(w, { 'README.md': '# demo\n\nsecond\n' })
    hostGit(w, 'commit', '-qam', 'second commit')
    writeFiles(w, { 'README.md': '# demo\n\nthird\n' })
    hostGit(w, 'commit', '-qam', 'third commit')
  })
})
afterAll(() => srv.close())

describe('git clone', () => {
  it('clones a repository with its branches and tags', async () => {
    const sb = sandbox()
    const r = await sb.run(`git clone ${srv.url}/demo.git`)
    expect(r.code).toBe(0)
    expect(r.stderr).toContain("Cloning into 'demo'...")
    expect(r.stderr).toMatch(/Receiving objects: 100% \(\d+\/\d+\), done\./)
    expect(sb.read('/home/user/demo/README.md')).toBe('# demo\n\nthird\n')
    expect(sb.read('/home/user/demo/src/app.js')).toBe('console.log(1)\n')
    expect(sb.fs.exists('/home/user/demo/feature.txt')).toBe(false)
    const log = await sb.run('git log --oneline', '/home/user/demo')
    expect(log.stdout.split('\n').filter(Boolean).map((l) => l.slice(8))).toEqual(['third commit', 'second commit', 'initial commit'])
    expect((await sb.run('git branch -a', '/home/user/demo')).stdout).toBe(
      '* main\n  remotes/origin/HEAD -> origin/main\n  remotes/origin/feature\n  remotes/origin/main\n',
    )
    expect((await sb.run('git tag', '/home/user/demo')).stdout).toBe('v1.0\nv1.0-annotated\n')
    const status = await sb.run('git status', '/home/user/demo')
    expect(status.stdout).toBe("On branch main\nYour branch is up to date with 'origin/main'.\n\nnothing to commit, working tree clean\n")
    // The remote feature branch checks out as a tracking branch.
    const co = await sb.run('git checkout feature', '/home/user/demo')
    expect(co.code).toBe(0)
    expect(co.stderr).toBe("Switched to a new branch 'feature'\n")
    expect(sb.read('/home/user/demo/feature.txt')).toBe('feature work\n')
    expect(sb.read('/home/user/demo/README.md')).toBe('# demo\n')
  })

  it('clones into a named folder with --branch and --single-branch', async () => {
    const sb = sandbox()
    const r = await sb.run(`git clone --branch feature --single-branch ${srv.url}/demo.git work/copy`)
    expect(r.code).toBe(0)
    expect(sb.read('/home/user/work/copy/feature.txt')).toBe('feature work\n')
    expect((await sb.run('git branch -a', '/home/user/work/copy')).stdout).toBe('* feature\n  remotes/origin/feature\n')
  })

  it('makes a shallow clone with --depth', async () => {
    const sb = sandbox()
    const r = await sb.run(`git clone --depth 1 ${srv.url}/demo.git shallow`)
    expect(r.code).toBe(0)
    expect(sb.fs.exists('/home/user/shallow/.git/shallow')).toBe(true)
    const log = await sb.run('git log --oneline', '/home/user/shallow')
    expect(log.stdout.trim().split('\n')).toHaveLength(1)
    expect(log.stdout).toContain('third commit')
  })

  it('clones a tag with --branch into a detached HEAD', async () => {
    const sb = sandbox()
    const r = await sb.run(`git clone -q --branch v1.0 ${srv.url}/demo.git tagged`)
    expect(r.code).toBe(0)
    expect(sb.read('/home/user/tagged/README.md')).toBe('# demo\n')
    expect(r.stderr).toBe('')
  })

  it('reports a missing repository like git and exits 128', async () => {
    const sb = sandbox()
    const r = await sb.run(`git clone ${srv.url}/nope.git`)
    expect(r.code).toBe(128)
    expect(r.stderr).toContain(`fatal: repository '${srv.url}/nope.git' not found\n`)
    expect(sb.fs.exists('/home/user/nope')).toBe(false)
    expect(sb.fs.readdir('/home/user').map((e) => e.name)).not.toContainEqual(expect.stringContaining('clone'))
  })

  it('refuses a non-empty destination', async () => {
    const sb = sandbox()
    sb.write('/home/user/demo/keep.txt', 'x')
    const r = await sb.run(`git clone ${srv.url}/demo.git`)
    expect(r.code).toBe(128)
    expect(r.stderr).toBe("fatal: destination path 'demo' already exists and is not an empty directory.\n")
  })

  it('leaves nothing behind when the connection drops mid-clone', async () => {
    const sb = sandbox()
    const r = await sb.run(`git clone ${srv.url}/drop/demo.git dropped`)
    expect(r.code).toBe(128)
    expect(r.stderr).toMatch(/^fatal: /m)
    expect(r.stderr).toContain('fatal: the remote end hung up unexpectedly')
    expect(sb.fs.exists('/home/user/dropped')).toBe(false)
    expect(sb.fs.readdir('/home/user').map((e) => e.name)).toEqual(['.gitconfig'])
  })

  it('stops when aborted and removes the partial clone', async () => {
    const sb = sandbox()
    const { runCommand } = await import('../../packages/worker/src/commands/testing.js')
    const ac = new AbortController()
    const slowFetch: typeof fetch = async (input, init) => {
      const res = await fetch(input, init)
      if (String(input).includes('git-upload-pack') && init?.method === 'POST') ac.abort()
      return res
    }
    const r = await runCommand(`git clone ${srv.url}/demo.git aborted`, { fs: sb.fs, cwd: '/home/user', fetch: slowFetch, signal: ac.signal })
    expect(r.code).toBe(128)
    expect(sb.fs.exists('/home/user/aborted')).toBe(false)
    expect(sb.fs.readdir('/home/user').map((e) => e.name)).not.toContainEqual(expect.stringMatching(/aborted/))
  })

  it('only speaks http(s): local paths and file:// are refused', async () => {
    const sb = sandbox()
    const a = await sb.run('git clone /etc copy')
    expect(a.code).toBe(128)
    expect(a.stderr).toContain("fatal: repository '/etc' does not exist")
    const b = await sb.run('git clone file:///etc copy')
    expect(b.code).toBe(128)
    expect(b.stderr).toContain("fatal: Unable to find remote helper for 'file'")
  })
})

describe('credentials', () => {
  beforeAll(() => {
    makeBareRepo(srv.root, 'secret', (w) => {
      writeFiles(w, { 'token.txt': 'private\n' })
      hostGit(w, 'add', '.')
      hostGit(w, 'commit', '-qm', 'private')
    })
  })

  it('uses credentials from the URL and never prints them', async () => {
    const sb = sandbox()
    const r = await sb.run(`git clone http://me:${srv.password}@${srv.url.slice(7)}/private/secret.git`)
    expect(r.code).toBe(0)
    expect(sb.read('/home/user/secret/token.txt')).toBe('private\n')
    const remotes = await sb.run('git remote -v', '/home/user/secret')
    expect(remotes.stdout).toContain('http://me:***@')
    expect(remotes.stdout + remotes.stderr + r.stderr + r.stdout).not.toContain(srv.password)
  })

  it('rejects wrong credentials with a clear error, masking the password', async () => {
    const sb = sandbox()
    const r = await sb.run(`git clone http://me:wrong-password@${srv.url.slice(7)}/private/secret.git`)
    expect(r.code).toBe(128)
    expect(r.stderr).toContain('fatal: Authentication failed for')
    expect(r.stderr).not.toContain('wrong-password')
    expect(sb.fs.exists('/home/user/secret')).toBe(false)
  })

  it('asks for credentials it cannot prompt for', async () => {
    const sb = sandbox()
    const r = await sb.run(`git clone ${srv.url}/private/secret.git`)
    expect(r.code).toBe(128)
    expect(r.stderr).toContain("fatal: could not read Username for 'http://127.0.0.1")
  })

  it('takes a token from GIT_TOKEN and masks it', async () => {
    const sb = sandbox({ env: { GIT_TOKEN: srv.password } })
    const ok = await sb.run(`git clone ${srv.url}/private/secret.git`)
    expect(ok.code).toBe(0)
    const bad = sandbox({ env: { GITHUB_TOKEN: 'not-the-token' } })
    const r = await bad.run(`git clone ${srv.url}/private/secret.git`)
    expect(r.code).toBe(128)
    expect(r.stderr).toContain('Authentication failed')
    expect(r.stderr).toContain('GIT_TOKEN/GITHUB_TOKEN')
    expect(r.stderr).not.toContain('not-the-token')
  })

  it('reads ~/.git-credentials', async () => {
    const sb = sandbox()
    sb.write('/home/user/.git-credentials', `http://someone:${srv.password}@${srv.url.slice(7)}\n`)
    const r = await sb.run(`git clone ${srv.url}/private/secret.git`)
    expect(r.code).toBe(0)
    expect(r.stderr).not.toContain(srv.password)
  })
})
