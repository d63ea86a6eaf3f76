/** The everyday local workflow in a repository made with `git init` in the sandbox. */
import { beforeEach, describe, expect, it } from 'vitest'
import { sandbox, type Sandbox } from './harness.js'

const R = '/home/user/repo'
let sb: Sandbox
const git = (line: string, cwd = R) => sb.run(`git ${line}`, cwd)

async function initRepo(): Promise<void> {
  expect((await sb.run('git init repo')).stdout).toBe(`Initialized empty Git repository in ${R}/.git/\n`)
  sb.write(`${R}/a.txt`, 'one\ntwo\nthree\n')
  sb.write(`${R}/src/b.txt`, 'bee\n')
  expect((await git('add .')).code).toBe(0)
  const c = await git('commit -m "initial commit"')
  expect(c.code).toBe(0)
  expect(c.stdout).toMatch(/^\[main \(root-commit\) [0-9a-f]{7}\] initial commit\n 2 files changed, 4 insertions\(\+\)\n create mode 100644 a.txt\n create mode 100644 src\/b.txt\n$/)
}

beforeEach(async () => {
  sb = sandbox()
  await initRepo()
})

describe('status, add, commit', () => {
  it('reports changes in long and short formats', async () => {
    sb.write(`${R}/a.txt`, 'one\nTWO\nthree\n')
    sb.write(`${R}/new/c.txt`, 'c\n')
    sb.write(`${R}/staged.txt`, 's\n')
    sb.fs.unlink(`${R}/src/b.txt`)
    await git('add staged.txt')
    expect((await git('status -s')).stdout).toBe(' M a.txt\n D src/b.txt\nA  staged.txt\n?? new/\n')
    expect((await git('status')).stdout).toBe(
      'On branch main\n\nChanges to be committed:\n  (use "git restore --staged <file>..." to unstage)\n\tnew file:   staged.txt\n\n' +
        'Changes not staged for commit:\n  (use "git add/rm <file>..." to update what will be committed)\n  (use "git restore <file>..." to discard changes in working directory)\n' +
        '\tmodified:   a.txt\n\tdeleted:    src/b.txt\n\nUntracked files:\n  (use "git add <file>..." to include in what will be committed)\n\tnew/\n',
    )
    await git('add -A')
    expect((await git('status --short')).stdout).toBe('M  a.txt\nA  new/c.txt\nD  src/b.txt\nA  staged.txt\n')
  })

  it('commits with -am and refuses an empty commit', async () => {
    sb.write(`${R}/a.txt`, 'changed\n')
    const c = await git('commit -am "change a"')
    expect(c.code).toBe(0)
    expect(c.stdout).toMatch(/^\[main [0-9a-f]{7}\] change a\n 1 file changed, 1 insertion\(\+\), 3 deletions\(-\)\n$/)
    const again = await git('commit -m nothing')
    expect(again.code).toBe(1)
    expect(again.stdout).toBe('On branch main\nnothing to commit, working tree clean\n')
    expect((await git('status')).stdout).toBe('On branch main\nnothing to commit, working tree clean\n')
  })

  it('asks who you are when no identity is configured', async () => {
    sb.fs.unlink('/home/user/.gitconfig')
    sb.write(`${R}/a.txt`, 'x\n')
    const r = await git('commit -am x')
    expect(r.code).toBe(128)
    expect(r.stderr).toContain('*** Please tell me who you are.')
    expect(r.stderr).toContain('git config --global user.email "you@example.com"')
    await git('config user.name "Repo Person"')
    await git('config user.email repo@example.com')
    expect((await git('commit -am x')).code).toBe(0)
    expect((await git('log -n 1')).stdout).toContain('Author: Repo Person <repo@example.com>')
  })

  it('refuses paths outside the repository', async () => {
    sb.write('/home/user/outside.txt', 'x')
    const r = await git('add ../outside.txt')
    expect(r.code).toBe(128)
    expect(r.stderr).toBe(`fatal: '../outside.txt' is outside repository at '${R}'\n`)
    const deep = await git('add ../../../../etc/passwd')
    expect(deep.code).toBe(128)
    expect(deep.stderr).toContain('is outside repository')
    const missing = await git('add nope.txt')
    expect(missing.stderr).toBe("fatal: pathspec 'nope.txt' did not match any files\n")
    expect(missing.code).toBe(128)
  })

  it('is not a repository outside one', async () => {
    const r = await sb.run('git status', '/tmp')
    expect(r.code).toBe(128)
    expect(r.stderr).toBe('fatal: not a git repository (or any of the parent directories): .git\n')
  })
})

describe('history', () => {
  it('logs, diffs and shows', async () => {
    sb.write(`${R}/a.txt`, 'one\n2\nthree\n')
    await git('commit -qam "second commit"')
    const log = await git('log --oneline')
    const [second, first] = log.stdout.trim().split('\n')
    expect(second).toMatch(/^[0-9a-f]{7} second commit$/)
    expect(first).toMatch(/^[0-9a-f]{7} initial commit$/)
    expect((await git('log -n 1 --oneline')).stdout).toBe(`${second}\n`)
    expect((await git('log -1')).stdout).toMatch(/^commit [0-9a-f]{40}\nAuthor: Sandbox User <user@example.com>\nDate:   \w{3} \w{3} \d+ \d\d:\d\d:\d\d \d{4} [+-]\d{4}\n\n    second commit\n$/)
    expect((await git('log --oneline --graph')).stdout).toBe(`* ${second}\n* ${first}\n`)

    sb.write(`${R}/a.txt`, 'one\n2\nthree\nfour\n')
    const wt = await git('diff')
    expect(wt.stdout).toMatch(/^diff --git a\/a.txt b\/a.txt\nindex [0-9a-f]{7}\.\.[0-9a-f]{7} 100644\n--- a\/a.txt\n\+\+\+ b\/a.txt\n@@ -1,3 \+1,4 @@\n one\n 2\n three\n\+four\n$/)
    expect((await git('diff --staged')).stdout).toBe('')
    await git('add a.txt')
    expect((await git('diff')).stdout).toBe('')
    expect((await git('diff --cached')).stdout).toContain('+four\n')
    const between = await git('diff HEAD~1 HEAD')
    expect(between.stdout).toContain('@@ -1,3 +1,3 @@\n one\n-two\n+2\n three\n')
    expect((await git('diff --stat HEAD~1 HEAD')).stdout).toBe(' a.txt | 2 +-\n 1 file changed, 1 insertion(+), 1 deletion(-)\n')
    const show = await git('show HEAD')
    expect(show.stdout).toContain('    second commit\n\ndiff --git a/a.txt b/a.txt\n')
    expect((await git('show HEAD~1:a.txt')).stdout).toBe('one\ntwo\nthree\n')
    const rev = await git('rev-parse HEAD')
    expect(rev.stdout).toMatch(/^[0-9a-f]{40}\n$/)
    expect((await git('rev-parse --short HEAD')).stdout).toBe(`${rev.stdout.slice(0, 7)}\n`)
    expect((await git('rev-parse --abbrev-ref HEAD')).stdout).toBe('main\n')
    expect((await git('rev-parse --show-toplevel', `${R}/src`)).stdout).toBe(`${R}\n`)
    const bad = await git('rev-parse nope')
    expect(bad.code).toBe(128)
    expect(bad.stderr).toContain("fatal: ambiguous argument 'nope': unknown revision or path not in the working tree.")
  })
})

describe('branches and merges', () => {
  it('creates, lists, switches and deletes branches', async () => {
    expect((await git('branch dev')).code).toBe(0)
    expect((await git('branch')).stdout).toBe('  dev\n* main\n')
    const sw = await git('checkout -b topic')
    expect(sw.stderr).toBe("Switched to a new branch 'topic'\n")
    sb.write(`${R}/topic.txt`, 't\n')
    await git('add topic.txt')
    await git('commit -qm topic')
    expect((await git('switch main')).stderr).toBe("Switched to branch 'main'\n")
    expect(sb.fs.exists(`${R}/topic.txt`)).toBe(false)
    const notMerged = await git('branch -d topic')
    expect(notMerged.code).toBe(1)
    expect(notMerged.stderr).toContain("error: the branch 'topic' is not fully merged.")
    expect((await git('branch -D topic')).stdout).toMatch(/^Deleted branch topic \(was [0-9a-f]{7}\)\.\n$/)
    expect((await git('branch -d dev')).code).toBe(0)
    expect((await git('switch -c other')).stderr).toBe("Switched to a new branch 'other'\n")
    expect((await git('branch')).stdout).toBe('  main\n* other\n')
    const dup = await git('branch main')
    expect(dup.code).toBe(128)
    expect(dup.stderr).toBe("fatal: a branch named 'main' already exists\n")
  })

  it('fast-forwards', async () => {
    await git('checkout -b feature')
    sb.write(`${R}/f.txt`, 'f\n')
    await git('add f.txt')
    await git('commit -qm feature')
    await git('checkout main')
    const m = await git('merge feature')
    expect(m.code).toBe(0)
    expect(m.stdout).toMatch(/^Updating [0-9a-f]{7}\.\.[0-9a-f]{7}\nFast-forward\n f.txt \| 1 \+\n 1 file changed, 1 insertion\(\+\)\n$/)
    expect(sb.read(`${R}/f.txt`)).toBe('f\n')
    expect((await git('merge feature')).stdout).toBe('Already up to date.\n')
  })

  it('merges three ways, and reports conflicts with markers', async () => {
    await git('checkout -b feature')
    sb.write(`${R}/a.txt`, 'one\ntwo\nthree-feature\n')
    sb.write(`${R}/g.txt`, 'from feature\n')
    await git('add -A')
    await git('commit -qm "feature edit"')
    await git('checkout main')
    sb.write(`${R}/src/b.txt`, 'bee main\n')
    await git('commit -qam "main edit b"')
    const clean = await git('merge feature')
    expect(clean.code).toBe(0)
    expect(clean.stdout).toContain("Merge made by the 'ort' strategy.")
    expect(sb.read(`${R}/a.txt`)).toBe('one\ntwo\nthree-feature\n')
    expect(sb.read(`${R}/g.txt`)).toBe('from feature\n')
    expect((await git('log -n 1 --oneline')).stdout).toContain("Merge branch 'feature'")

    // Now both sides change the same line.
    await git('checkout feature')
    sb.write(`${R}/a.txt`, 'one\ntwo\nthree-theirs\n')
    sb.write(`${R}/h.txt`, 'clean add\n')
    await git('add -A')
    await git('commit -qm "theirs"')
    await git('checkout main')
    sb.write(`${R}/a.txt`, 'one\ntwo\nthree-ours\n')
    await git('commit -qam ours')
    const conflict = await git('merge feature')
    expect(conflict.code).toBe(1)
    expect(conflict.stdout).toBe('Auto-merging a.txt\nCONFLICT (content): Merge conflict in a.txt\nAutomatic merge failed; fix conflicts and then commit the result.\n')
    expect(sb.read(`${R}/a.txt`)).toBe('one\ntwo\n<<<<<<< main\nthree-ours\n=======\nthree-theirs\n>>>>>>> feature\n')
    expect(sb.read(`${R}/h.txt`)).toBe('clean add\n')
    sb.write(`${R}/a.txt`, 'one\ntwo\nthree-both\n')
    await git('add a.txt')
    const done = await git('commit -m "merge feature"')
    expect(done.code).toBe(0)
    const parents = await git('rev-parse HEAD^2')
    expect(parents.code).toBe(0)
    expect((await git('status -s')).stdout).toBe('')
    expect((await git('show HEAD:h.txt')).stdout).toBe('clean add\n')
  })
})

describe('undoing things', () => {
  it('resets soft and hard, restores, removes and moves', async () => {
    sb.write(`${R}/a.txt`, 'edited\n')
    await git('commit -qam second')
    expect((await git('reset --soft HEAD~1')).code).toBe(0)
    expect((await git('status -s')).stdout).toBe('M  a.txt\n')
    expect(sb.read(`${R}/a.txt`)).toBe('edited\n')
    await git('reset')
    expect((await git('status -s')).stdout).toBe(' M a.txt\n')
    const hard = await git('reset --hard')
    expect(hard.stdout).toMatch(/^HEAD is now at [0-9a-f]{7} initial commit\n$/)
    expect(sb.read(`${R}/a.txt`)).toBe('one\ntwo\nthree\n')

    sb.write(`${R}/a.txt`, 'oops\n')
    await git('restore a.txt')
    expect(sb.read(`${R}/a.txt`)).toBe('one\ntwo\nthree\n')
    sb.write(`${R}/a.txt`, 'staged\n')
    await git('add a.txt')
    await git('restore --staged a.txt')
    expect((await git('status -s')).stdout).toBe(' M a.txt\n')
    await git('checkout -- a.txt')
    expect((await git('status -s')).stdout).toBe('')

    const rm = await git('rm src/b.txt')
    expect(rm.stdout).toBe("rm 'src/b.txt'\n")
    expect(sb.fs.exists(`${R}/src`)).toBe(false)
    expect((await git('mv a.txt renamed.txt')).code).toBe(0)
    expect((await git('status -s')).stdout).toBe('D  a.txt\nA  renamed.txt\nD  src/b.txt\n')
    await git('commit -qm moves')
    expect((await git('status -s')).stdout).toBe('')
  })

  it('stashes and pops', async () => {
    sb.write(`${R}/a.txt`, 'work in progress\n')
    const push = await git('stash')
    expect(push.code).toBe(0)
    expect(push.stdout).toMatch(/^Saved working directory and index state WIP on main: [0-9a-f]{7} initial commit\n$/)
    expect(sb.read(`${R}/a.txt`)).toBe('one\ntwo\nthree\n')
    expect((await git('stash list')).stdout).toMatch(/^stash@\{0\}: WIP on main/)
    const pop = await git('stash pop')
    expect(pop.code).toBe(0)
    expect(sb.read(`${R}/a.txt`)).toBe('work in progress\n')
    expect((await git('stash list')).stdout).toBe('')
    expect((await git('stash pop')).stderr).toBe('No stash entries found.\n')
    expect((await git('stash')).code).toBe(0)
    expect((await git('stash')).stdout).toBe('No local changes to save\n')
  })
})

describe('tags, config, remotes and usage', () => {
  it('tags', async () => {
    await git('tag v1')
    await git('tag -a v2 -m "release two"')
    expect((await git('tag')).stdout).toBe('v1\nv2\n')
    expect((await git('show v2 --no-patch')).stdout).toMatch(/^tag v2\nTagger: Sandbox User <user@example.com>\n/)
    expect((await git('tag v1')).stderr).toBe("fatal: tag 'v1' already exists\n")
    expect((await git('tag -d v1')).stdout).toMatch(/^Deleted tag 'v1' \(was [0-9a-f]{7}\)\n$/)
  })

  it('reads and writes config, repository and --global', async () => {
    await git('config --global core.editor nano')
    expect(sb.read('/home/user/.gitconfig')).toContain('[core]\n\teditor = nano\n')
    await git('config user.name "Local Name"')
    expect((await git('config user.name')).stdout).toBe('Local Name\n')
    expect((await git('config --global user.name')).stdout).toBe('Sandbox User\n')
    expect((await sb.run('git config --global user.name', '/tmp')).stdout).toBe('Sandbox User\n')
    expect((await git('config --get nope.key')).code).toBe(1)
    expect((await git('config --list')).stdout).toContain('user.name=Local Name\n')
    await git('config --unset user.name')
    expect((await git('config user.name')).stdout).toBe('Sandbox User\n')
  })

  it('adds, lists and removes remotes', async () => {
    expect((await git('remote add origin https://example.com/x.git')).code).toBe(0)
    expect((await git('remote')).stdout).toBe('origin\n')
    expect((await git('remote -v')).stdout).toBe('origin\thttps://example.com/x.git (fetch)\norigin\thttps://example.com/x.git (push)\n')
    const dup = await git('remote add origin https://example.com/y.git')
    expect(dup.stderr).toBe('error: remote origin already exists.\n')
    expect(dup.code).toBe(3)
    expect((await git('remote remove origin')).code).toBe(0)
    expect((await git('remote -v')).stdout).toBe('')
  })

  it('speaks git for unknown commands and options', async () => {
    const r = await git('frobnicate')
    expect(r.code).toBe(1)
    expect(r.stderr).toBe("git: 'frobnicate' is not a git command. See 'git --help'.\n")
    const bad = await git('status --bogus')
    expect(bad.code).toBe(129)
    expect(bad.stderr).toMatch(/^error: unknown option `bogus'\nusage: git status/)
    expect((await git('--help')).stdout).toContain('clone')
    expect((await git('commit --help')).stdout).toMatch(/^usage: git commit/)
  })
})

describe('more merge and commit paths', () => {
  it('aborts a conflicted merge and amends a commit', async () => {
    await git('checkout -q -b side')
    sb.write(`${R}/a.txt`, 'side\n')
    await git('commit -qam side')
    await git('checkout -q main')
    sb.write(`${R}/a.txt`, 'main\n')
    await git('commit -qam main')
    expect((await git('merge side')).code).toBe(1)
    expect(sb.read(`${R}/a.txt`)).toContain('<<<<<<< main')
    const again = await git('merge side')
    expect(again.code).toBe(128)
    expect(again.stderr).toContain('Merging is not possible because you have unmerged files.')
    expect((await git('merge --abort')).code).toBe(0)
    expect(sb.read(`${R}/a.txt`)).toBe('main\n')
    expect((await git('status -s')).stdout).toBe('')
    expect(sb.fs.exists(`${R}/.git/MERGE_HEAD`)).toBe(false)
    const amend = await git('commit --amend -m "main, reworded"')
    expect(amend.code).toBe(0)
    expect((await git('log --oneline')).stdout.split('\n')[0]).toMatch(/^[0-9a-f]{7} main, reworded$/)
    expect((await git('log --oneline')).stdout.trim().split('\n')).toHaveLength(2)
    expect((await git('status -sb')).stdout).toBe('## main\n')
  })
})

describe('guards and relative paths', () => {
  it('refuses to switch over local changes, and shows paths relative to the current folder', async () => {
    await git('checkout -q -b other')
    sb.write(`${R}/a.txt`, 'other\n')
    await git('commit -qam other')
    await git('checkout -q main')
    sb.write(`${R}/a.txt`, 'local edit\n')
    const r = await git('checkout other')
    expect(r.code).toBe(1)
    expect(r.stderr).toBe(
      'error: Your local changes to the following files would be overwritten by checkout:\n\ta.txt\n' +
        'Please commit your changes or stash them before you switch branches.\nAborting\n',
    )
    expect(sb.read(`${R}/a.txt`)).toBe('local edit\n')
    sb.write(`${R}/src/new.txt`, 'n\n')
    expect((await git('status -s', `${R}/src`)).stdout).toBe(' M ../a.txt\n?? new.txt\n')
    expect((await sb.run(`git -C ${R} status -s`, '/tmp')).stdout).toBe(' M a.txt\n?? src/new.txt\n')
    await git('add src/new.txt')
    expect((await git('diff --staged')).stdout).toMatch(/^diff --git a\/src\/new.txt b\/src\/new.txt\nnew file mode 100644\nindex 0000000\.\.[0-9a-f]{7}\n--- \/dev\/null\n\+\+\+ b\/src\/new.txt\n@@ -0,0 \+1 @@\n\+n\n$/)
  })
})

describe('index listing and upstreams', () => {
  it('lists tracked files relative to the current folder', async () => {
    expect((await git('ls-files')).stdout).toBe('a.txt\nsrc/b.txt\n')
    expect((await git('ls-files', `${R}/src`)).stdout).toBe('b.txt\n')
  })

  it('sets and refuses upstreams', async () => {
    const r = await git('branch --set-upstream-to=origin/main')
    expect(r.code).toBe(128)
    expect(r.stderr).toBe("fatal: the requested upstream branch 'origin/main' does not exist\n")
  })

  it('removes the leftovers of a clone that was cut off before trying again', async () => {
    sb.write('/home/user/.x.clone-abc123/.git/HEAD', 'ref: refs/heads/main\n')
    const r = await sb.run('git clone http://127.0.0.1:9/x.git')
    expect(r.code).toBe(128)
    expect(sb.fs.exists('/home/user/.x.clone-abc123')).toBe(false)
    expect(sb.fs.exists('/home/user/x')).toBe(false)
  })
})
