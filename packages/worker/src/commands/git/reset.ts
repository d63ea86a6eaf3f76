/** `git reset`: move the branch (`--soft`, `--mixed`, `--hard`) or unstage paths. */
import * as iso from 'isomorphic-git'
import type { Git } from './context.js'
import { fatal } from './errors.js'
import { defineGitCommand } from './define.js'
import { resetIndexToHead } from './merge.js'
import { resolveCommit, short } from './revisions.js'
import { pathStates } from './worktree.js'

/** Points the current branch (or a detached HEAD) at `oid`. */
async function moveHead(g: Git, oid: string): Promise<void> {
  const { gitdir } = g.repo()
  const branch = await g.currentBranch()
  await iso.writeRef({ fs: g.fs, gitdir, ref: branch ? `refs/heads/${branch}` : 'HEAD', value: oid, force: true })
}

export default defineGitCommand({
  name: 'reset',
  usage: 'git reset [--mixed | --soft | --hard] [-q] [<commit>]\ngit reset [-q] [<tree-ish>] [--] <pathspec>...',
  summary: 'Reset current HEAD to the specified state',
  flags: {
    soft: { type: 'boolean', description: 'reset only HEAD' },
    mixed: { type: 'boolean', description: 'reset HEAD and index' },
    hard: { type: 'boolean', description: 'reset HEAD, index and working tree' },
    quiet: { type: 'boolean', short: 'q', description: 'be quiet, only report errors' },
  },
  async run(g, { args, flags }) {
    const { dir, gitdir } = g.repo()
    const dash = g.ctx.args.lastIndexOf('--')
    const pathCount = dash === -1 ? 0 : g.ctx.args.length - dash - 1
    let revArgs = args.slice(0, args.length - pathCount)
    let paths = args.slice(args.length - pathCount)
    if (pathCount === 0 && revArgs.length && !(flags.soft || flags.hard || flags.mixed)) {
      // `git reset file`: the first operand is a path unless it names a commit.
      const first = revArgs[0] as string
      let isRev = true
      try {
        await resolveCommit(g, first)
      } catch {
        isRev = false
      }
      if (!isRev) {
        paths = revArgs
        revArgs = []
      } else if (revArgs.length > 1) {
        paths = revArgs.slice(1)
        revArgs = [first]
      }
    }
    const rev = revArgs[0] ?? 'HEAD'
    if (paths.length) {
      if (flags.soft || flags.hard) throw fatal(`Cannot do ${flags.soft ? 'soft' : 'hard'} reset with paths.`)
      const oid = await resolveCommit(g, rev)
      for (const p of paths) {
        const spec = g.repoPath(p)
        const states = await pathStates(g, { paths: [spec] })
        const targets = new Set([...states.map((s) => s.path), spec])
        for (const filepath of targets) await iso.resetIndex({ fs: g.fs, dir, gitdir, filepath, ref: oid }).catch(() => undefined)
      }
      return 0
    }
    const oid = await resolveCommit(g, rev)
    await moveHead(g, oid)
    g.removePath(`${gitdir}/MERGE_HEAD`)
    g.removePath(`${gitdir}/MERGE_MSG`)
    if (flags.soft) return 0
    if (flags.hard) {
      const branch = await g.currentBranch()
      // Remove tracked files that the target commit does not have, then check it out.
      const tracked = await iso.listFiles({ fs: g.fs, dir, gitdir })
      const wanted = new Set(await iso.listFiles({ fs: g.fs, dir, gitdir, ref: oid }))
      for (const f of tracked) if (!wanted.has(f)) g.removePath(`${dir}/${f}`)
      await iso.checkout({ fs: g.fs, dir, gitdir, ref: branch ?? oid, force: true, cache: {} })
      if (!branch) await iso.writeRef({ fs: g.fs, gitdir, ref: 'HEAD', value: oid, force: true })
      await resetIndexToHead(g)
      if (!flags.quiet) {
        const { commit } = await iso.readCommit({ fs: g.fs, gitdir, oid })
        await g.out(`HEAD is now at ${short(oid)} ${commit.message.split('\n')[0] ?? ''}\n`)
      }
      return 0
    }
    await resetIndexToHead(g)
    if (!flags.quiet) {
      const after = (await pathStates(g)).filter((s) => s.y !== ' ')
      if (after.length) {
        await g.out(`Unstaged changes after reset:\n${after.map((s) => `${s.y}\t${s.path}\n`).join('')}`)
      }
    }
    return 0
  },
})
