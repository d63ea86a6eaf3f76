/** `git commit`: record the index (or, with `-a`, every tracked change) as a new commit. */
import * as iso from 'isomorphic-git'
import { stagePaths } from './add.js'
import { changes } from './changes.js'
import type { Git } from './context.js'
import { GitError, fatal, isoCode } from './errors.js'
import { defineGitCommand } from './define.js'
import { commitStat } from './patch.js'
import { hasHead, short } from './revisions.js'
import { pathStates, type PathState } from './worktree.js'

/** The first line of a message, as `[main abc1234] subject` shows it. */
export const subjectOf = (message: string): string => message.trim().split('\n')[0] ?? ''

/** Summary lines after a commit: the stat plus create/delete mode lines. */
export async function commitSummary(g: Git, parent: string | undefined, oid: string): Promise<string> {
  const cache = {}
  const from = parent ?? '4b825dc642cb6eb9a060e54bf8d69288fbee4904'
  const list = await changes(g, { kind: 'commit', oid: from }, { kind: 'commit', oid }, { cache })
  if (!list.length) return ''
  const stat = await commitStat(g, from, oid, list)
  const tail = stat.split('\n').filter(Boolean).at(-1) ?? ''
  let text = `${tail}\n`
  for (const c of list) {
    if (c.oldOid === undefined) text += ` create mode ${(c.newMode ?? 0).toString(8)} ${c.path}\n`
    else if (c.newOid === undefined) text += ` delete mode ${(c.oldMode ?? 0).toString(8)} ${c.path}\n`
  }
  return text
}

/** What `git commit` says when the index matches HEAD. */
async function nothingToCommit(g: Git, states: PathState[], born: boolean): Promise<string> {
  const branch = await g.currentBranch()
  let text = branch ? `On branch ${branch}\n` : 'HEAD detached\n'
  const unstaged = states.filter((s) => s.y !== ' ')
  const untracked = states.filter((s) => s.untracked)
  if (unstaged.length) {
    text += 'Changes not staged for commit:\n'
    for (const s of unstaged) text += `\t${s.y === 'D' ? 'deleted:    ' : 'modified:   '}${g.display(s.path)}\n`
    text += '\nno changes added to commit (use "git add" and/or "git commit -a")\n'
  } else if (untracked.length) text += 'nothing added to commit but untracked files present (use "git add" to track)\n'
  else text += born ? 'nothing to commit, working tree clean\n' : 'nothing to commit (create/copy files and use "git add" to track)\n'
  return text
}

export default defineGitCommand({
  name: 'commit',
  usage: 'git commit [-a] [--amend] [--allow-empty] [-q] -m <msg>',
  summary: 'Record changes to the repository',
  flags: {
    message: { type: 'string', short: 'm', repeatable: true, arg: 'msg', description: 'commit message' },
    all: { type: 'boolean', short: 'a', description: 'commit all changed files' },
    amend: { type: 'boolean', description: 'amend previous commit' },
    'allow-empty': { type: 'boolean', description: 'allow an empty commit' },
    quiet: { type: 'boolean', short: 'q', description: 'suppress summary after successful commit' },
  },
  async run(g, { args, flags }) {
    const { dir, gitdir } = g.repo()
    if (args.length) throw fatal('paths with commit are not supported here; use git add, then git commit')
    const cache = {}
    // With -a, the states before staging tell what is now staged (no second walk).
    const before = flags.all ? await stagePaths(g, [], { trackedOnly: true, cache }) : undefined
    const born = await hasHead(g)
    const mergeHeadPath = `${gitdir}/MERGE_HEAD`
    const mergeHead = g.vfs.exists(mergeHeadPath) ? g.vfs.readText(mergeHeadPath).trim() : undefined
    let message = flags.message.join('\n\n')
    if (!message && mergeHead && g.vfs.exists(`${gitdir}/MERGE_MSG`)) message = g.vfs.readText(`${gitdir}/MERGE_MSG`)
    if (!message && flags.amend && born) {
      message = (await iso.readCommit({ fs: g.fs, gitdir, oid: await iso.resolveRef({ fs: g.fs, gitdir, ref: 'HEAD' }) })).commit.message
    }
    if (!message.trim()) {
      throw new GitError('Aborting commit due to empty commit message.\nhint: there is no editor here: pass the message with -m', 1)
    }
    const author = g.identity('author')
    const committer = g.identity('committer')
    const head = born ? await iso.resolveRef({ fs: g.fs, gitdir, ref: 'HEAD' }) : undefined
    const emptyOk = flags['allow-empty'] || flags.amend || mergeHead !== undefined
    let oid: string
    try {
      oid = await iso.commit({
        fs: g.fs,
        dir,
        gitdir,
        cache,
        message: message.endsWith('\n') ? message : `${message}\n`,
        author,
        committer,
        ...(flags.amend ? { amend: true } : {}),
        ...(mergeHead && head ? { parent: [head, mergeHead] } : {}),
        // isomorphic-git compares the index's tree with HEAD's: no separate status walk.
        disallowEmpty: !emptyOk,
      })
    } catch (e) {
      if (isoCode(e) !== 'EmptyCommitError') throw e
      await g.out(await nothingToCommit(g, before ?? (await pathStates(g, { cache })), born))
      return 1
    }
    if (mergeHead) {
      g.removePath(mergeHeadPath)
      g.removePath(`${gitdir}/MERGE_MSG`)
    }
    if (!flags.quiet) {
      const branch = (await g.currentBranch()) ?? 'detached HEAD'
      const parent = flags.amend ? (await iso.readCommit({ fs: g.fs, gitdir, oid })).commit.parent[0] : head
      const root = !parent ? ' (root-commit)' : ''
      await g.out(`[${branch}${root} ${short(oid)}] ${subjectOf(message)}\n${await commitSummary(g, parent, oid)}`)
    }
    return 0
  },
})
