/** `git status`: long format with git's hints, or `-s` / `--porcelain` short format. */
import * as iso from 'isomorphic-git'
import type { Git } from './context.js'
import { defineGitCommand } from './define.js'
import { hasHead, resolveCommit } from './revisions.js'
import { pathStates, type PathState } from './worktree.js'

const LABEL: Record<string, string> = { A: 'new file:   ', M: 'modified:   ', D: 'deleted:    ' }

/** Untracked files inside folders with nothing tracked collapse to `dir/`, as in git. */
function untrackedShown(states: PathState[], tracked: Set<string>): string[] {
  if (!states.some((s) => s.untracked)) return []
  const trackedDirs = new Set<string>()
  for (const p of tracked) {
    for (let i = p.indexOf('/'); i !== -1; i = p.indexOf('/', i + 1)) trackedDirs.add(p.slice(0, i))
  }
  const shown = new Set<string>()
  for (const s of states) {
    if (!s.untracked) continue
    const parts = s.path.split('/')
    let name = s.path
    for (let i = 1; i < parts.length; i++) {
      const d = parts.slice(0, i).join('/')
      if (!trackedDirs.has(d)) {
        name = `${d}/`
        break
      }
    }
    shown.add(name)
  }
  return [...shown].sort()
}

/** Paths in the index, needed only to fold untracked folders. */
async function trackedFiles(g: Git, states: PathState[]): Promise<Set<string>> {
  if (!states.some((s) => s.untracked)) return new Set()
  const { dir, gitdir } = g.repo()
  return new Set(await iso.listFiles({ fs: g.fs, gitdir, dir }))
}

/** "Your branch is ahead of 'origin/main' by 1 commit." and friends. */
async function trackingLines(g: Git, branch: string): Promise<string> {
  const remote = g.config(`branch.${branch}.remote`)
  const merge = g.config(`branch.${branch}.merge`)
  if (!remote || !merge?.startsWith('refs/heads/')) return ''
  const upstream = `${remote}/${merge.slice('refs/heads/'.length)}`
  const { gitdir } = g.repo()
  let theirs: string
  let ours: string
  try {
    theirs = await iso.resolveRef({ fs: g.fs, gitdir, ref: `refs/remotes/${upstream}` })
    ours = await iso.resolveRef({ fs: g.fs, gitdir, ref: 'HEAD' })
  } catch {
    return `Your branch is based on '${upstream}', but the upstream is gone.\n  (use "git branch --unset-upstream" to fixup)\n`
  }
  if (theirs === ours) return `Your branch is up to date with '${upstream}'.\n`
  const [ahead, behind] = await aheadBehind(g, ours, theirs)
  const s = (n: number) => (n === 1 ? '' : 's')
  if (ahead && behind) {
    return `Your branch and '${upstream}' have diverged,\nand have ${ahead} and ${behind} different commits each, respectively.\n  (use "git pull" to merge the remote branch into yours)\n`
  }
  if (ahead) return `Your branch is ahead of '${upstream}' by ${ahead} commit${s(ahead)}.\n  (use "git push" to publish your local commits)\n`
  return `Your branch is behind '${upstream}' by ${behind} commit${s(behind)}, and can be fast-forwarded.\n  (use "git pull" to update your local branch)\n`
}

/** Commits reachable from one side only (bounded walk). */
export async function aheadBehind(g: Git, ours: string, theirs: string): Promise<[number, number]> {
  const { gitdir } = g.repo()
  const reach = async (start: string): Promise<Set<string>> => {
    const seen = new Set<string>()
    const todo = [start]
    while (todo.length && seen.size < 5000) {
      const oid = todo.pop() as string
      if (seen.has(oid)) continue
      seen.add(oid)
      try {
        todo.push(...(await iso.readCommit({ fs: g.fs, gitdir, oid })).commit.parent)
      } catch {
        // shallow boundary
      }
    }
    return seen
  }
  const a = await reach(ours)
  const b = await reach(theirs)
  let ahead = 0
  let behind = 0
  for (const o of a) if (!b.has(o)) ahead++
  for (const o of b) if (!a.has(o)) behind++
  return [ahead, behind]
}

export default defineGitCommand({
  name: 'status',
  usage: 'git status [<options>] [--] [<pathspec>...]',
  summary: 'Show the working tree status',
  flags: {
    short: { type: 'boolean', short: 's', description: 'show status concisely' },
    branch: { type: 'boolean', short: 'b', description: 'show branch information' },
    porcelain: { type: 'boolean', description: 'machine-readable output' },
  },
  async run(g, { args, flags }) {
    g.repo()
    const paths = args.map((p) => g.repoPath(p))
    const states = await pathStates(g, { paths })
    const branch = await g.currentBranch()
    const display = (p: string) => (flags.porcelain ? p : g.display(p))
    if (flags.short || flags.porcelain) {
      let text = ''
      if (flags.branch) text += `## ${branch ?? 'HEAD (no branch)'}\n`
      const tracked = states.filter((s) => s.x !== ' ' || s.y !== ' ')
      for (const s of tracked) text += `${s.x}${s.y} ${display(s.path)}\n`
      for (const u of untrackedShown(states, await trackedFiles(g, states))) text += `?? ${display(u)}\n`
      await g.out(text)
      return 0
    }
    let text = branch ? `On branch ${branch}\n` : `HEAD detached at ${(await resolveCommit(g, 'HEAD')).slice(0, 7)}\n`
    const born = await hasHead(g)
    if (!born) text += '\nNo commits yet\n'
    const tracking = born && branch ? await trackingLines(g, branch) : ''
    text += tracking
    const staged = states.filter((s) => s.x !== ' ')
    const unstaged = states.filter((s) => s.y !== ' ')
    const untracked = untrackedShown(states, await trackedFiles(g, states))
    if (staged.length) {
      text += `\nChanges to be committed:\n  (use "git ${born ? 'restore --staged' : 'rm --cached'} <file>..." to unstage)\n`
      for (const s of staged) text += `\t${LABEL[s.x]}${display(s.path)}\n`
    }
    if (unstaged.length) {
      text +=
        '\nChanges not staged for commit:\n  (use "git add' +
        (unstaged.some((s) => s.y === 'D') ? '/rm' : '') +
        ' <file>..." to update what will be committed)\n  (use "git restore <file>..." to discard changes in working directory)\n'
      for (const s of unstaged) text += `\t${LABEL[s.y]}${display(s.path)}\n`
    }
    if (untracked.length) {
      text += '\nUntracked files:\n  (use "git add <file>..." to include in what will be committed)\n'
      for (const u of untracked) text += `\t${display(u)}\n`
    }
    if (!staged.length) {
      if (unstaged.length) text += '\nno changes added to commit (use "git add" and/or "git commit -a")\n'
      else if (untracked.length) text += '\nnothing added to commit but untracked files present (use "git add" to track)\n'
      else if (!born) text += '\nnothing to commit (create/copy files and use "git add" to track)\n'
      else text += `${tracking ? '\n' : ''}nothing to commit, working tree clean\n`
    }
    await g.out(text)
    return 0
  },
})
