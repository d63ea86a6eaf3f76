/**
 * `git merge`: fast-forward when possible, otherwise a three-way merge commit. Conflicts
 * leave markers in the files, stage the clean parts, record MERGE_HEAD so the next
 * `git commit` makes the merge commit, and exit 1 with git's message.
 */
import * as iso from 'isomorphic-git'
import { changes } from './changes.js'
import type { Git } from './context.js'
import { GitError, fatal, isoCode } from './errors.js'
import { defineGitCommand } from './define.js'
import { commitStat } from './patch.js'
import { resolveCommit, short } from './revisions.js'
import { pathStates } from './worktree.js'

/** Merges `theirsRev` into the current branch; shared with `pull`. */
export async function mergeInto(g: Git, theirsRev: string, opts: { ffOnly?: boolean; noFf?: boolean; message?: string; label?: string } = {}): Promise<number> {
  const { dir, gitdir } = g.repo()
  const branch = await g.currentBranch()
  if (!branch) throw fatal('merging into a detached HEAD is not supported here; switch to a branch first')
  if (g.vfs.exists(`${gitdir}/MERGE_HEAD`)) {
    throw new GitError('error: Merging is not possible because you have unmerged files.\nhint: Fix them up in the work tree, and then use \'git add/rm <file>\'\nhint: as appropriate to mark resolution and make a commit.\nfatal: Exiting because of an unresolved conflict.', 128)
  }
  const ours = await resolveCommit(g, 'HEAD')
  const theirs = await resolveCommit(g, theirsRev)
  const label = opts.label ?? theirsRev
  const cache = {}
  if (ours === theirs || (await iso.isDescendent({ fs: g.fs, gitdir, oid: ours, ancestor: theirs, depth: -1, cache }))) {
    await g.out('Already up to date.\n')
    return 0
  }
  // Refuse to run over local changes to tracked files, as git does.
  const dirty = (await pathStates(g, { cache })).filter((s) => !s.untracked)
  if (dirty.length) {
    throw new GitError(
      `error: Your local changes to the following files would be overwritten by merge:\n${dirty.map((s) => `\t${s.path}\n`).join('')}` +
        'Please commit your changes or stash them before you merge.\nAborting',
      1,
    )
  }
  const canFf = await iso.isDescendent({ fs: g.fs, gitdir, oid: theirs, ancestor: ours, depth: -1, cache })
  if (opts.ffOnly && !canFf) throw fatal('Not possible to fast-forward, aborting.')
  const message = opts.message ?? `Merge ${/^[0-9a-f]{40}$/.test(label) ? `commit '${label}'` : `branch '${label}'`}${branch === 'main' || branch === 'master' ? '' : ` into ${branch}`}`
  if (canFf && !opts.noFf) {
    await iso.checkout({ fs: g.fs, dir, gitdir, ref: theirs, cache, noUpdateHead: true })
    await iso.writeRef({ fs: g.fs, gitdir, ref: `refs/heads/${branch}`, value: theirs, force: true })
    const list = await changes(g, { kind: 'commit', oid: ours }, { kind: 'commit', oid: theirs }, { cache })
    await g.out(`Updating ${short(ours)}..${short(theirs)}\nFast-forward\n${await commitStat(g, ours, theirs, list)}`)
    return 0
  }
  const author = g.identity('author')
  const committer = g.identity('committer')
  let result: { oid?: string }
  try {
    result = await iso.merge({
      fs: g.fs,
      dir,
      gitdir,
      ours: branch,
      // A ref name labels the conflict markers (`>>>>>>> feature`); fall back to the id.
      theirs: (await iso.resolveRef({ fs: g.fs, gitdir, ref: theirsRev }).catch(() => undefined)) === theirs ? theirsRev : theirs,
      fastForward: false,
      abortOnConflict: false,
      message: `${message}\n`,
      author,
      committer,
      cache,
    })
  } catch (e) {
    if (isoCode(e) === 'MergeConflictError') return reportConflict(g, e as Error & { data?: Record<string, unknown> }, theirs, message)
    if (isoCode(e) === 'MergeNotSupportedError') throw fatal('this merge needs a strategy that is not supported here (e.g. a file/folder conflict)')
    throw e
  }
  const merged = result.oid as string
  await iso.checkout({ fs: g.fs, dir, gitdir, ref: branch, cache, force: true })
  const list = await changes(g, { kind: 'commit', oid: ours }, { kind: 'commit', oid: merged }, { cache })
  await g.out(`Merge made by the 'ort' strategy.\n${await commitStat(g, ours, merged, list)}`)
  return 0
}

async function reportConflict(g: Git, e: Error & { data?: Record<string, unknown> }, theirs: string, message: string): Promise<number> {
  const { dir, gitdir } = g.repo()
  const data = e.data ?? {}
  const list = (k: string): string[] => (Array.isArray(data[k]) ? (data[k] as string[]) : [])
  const conflicted = new Set(list('filepaths'))
  // Stage every cleanly merged change so the merge commit carries it.
  for (const s of await pathStates(g)) {
    if (conflicted.has(s.path)) continue
    if (s.workdir === 0) {
      if (s.stage !== 0) await iso.remove({ fs: g.fs, dir, gitdir, filepath: s.path })
    } else if (s.y !== ' ' || s.untracked) await iso.add({ fs: g.fs, dir, gitdir, filepath: s.path })
  }
  g.vfs.writeFile(`${gitdir}/MERGE_HEAD`, `${theirs}\n`)
  g.vfs.writeFile(`${gitdir}/MERGE_MSG`, `${message}\n\n# Conflicts:\n${[...conflicted].map((p) => `#\t${p}\n`).join('')}`)
  let text = ''
  for (const p of list('bothModified')) text += `Auto-merging ${p}\nCONFLICT (content): Merge conflict in ${p}\n`
  for (const p of list('deleteByUs')) text += `CONFLICT (modify/delete): ${p} deleted in HEAD and modified in ${short(theirs)}.\n`
  for (const p of list('deleteByTheirs')) text += `CONFLICT (modify/delete): ${p} deleted in ${short(theirs)} and modified in HEAD.\n`
  text += 'Automatic merge failed; fix conflicts and then commit the result.\n'
  await g.out(text)
  return 1
}

export default defineGitCommand({
  name: 'merge',
  usage: 'git merge [--ff-only | --no-ff] [-m <msg>] <commit>\ngit merge --abort',
  summary: 'Join two or more development histories together',
  flags: {
    'ff-only': { type: 'boolean', description: 'abort if fast-forward is not possible' },
    'no-ff': { type: 'boolean', description: 'always create a merge commit' },
    message: { type: 'string', short: 'm', arg: 'message', description: 'merge commit message' },
    abort: { type: 'boolean', description: 'abort the current in-progress merge' },
  },
  async run(g, { args, flags }) {
    const { dir, gitdir } = g.repo()
    if (flags.abort) {
      if (!g.vfs.exists(`${gitdir}/MERGE_HEAD`)) throw fatal('There is no merge to abort (MERGE_HEAD missing).')
      await iso.checkout({ fs: g.fs, dir, gitdir, ref: (await g.currentBranch()) ?? 'HEAD', force: true })
      await resetIndexToHead(g)
      g.removePath(`${gitdir}/MERGE_HEAD`)
      g.removePath(`${gitdir}/MERGE_MSG`)
      return 0
    }
    const target = args[0]
    if (target === undefined) throw fatal('No remote for the current branch.')
    return mergeInto(g, target, { ffOnly: flags['ff-only'], noFf: flags['no-ff'], ...(flags.message ? { message: flags.message } : {}) })
  },
})

/** Makes the index match HEAD again (unstages everything, drops conflict stages). */
export async function resetIndexToHead(g: Git): Promise<void> {
  const { dir, gitdir } = g.repo()
  for (const s of await pathStates(g)) {
    if (s.x !== ' ' || s.stage === 3 || (s.head === 1 && s.stage === 0)) {
      await iso.resetIndex({ fs: g.fs, dir, gitdir, filepath: s.path })
    }
  }
}
