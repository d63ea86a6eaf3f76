/** `git add`: stage new and modified files, and removals under the given paths. */
import * as iso from 'isomorphic-git'
import type { Git } from './context.js'
import { fatal } from './errors.js'
import { defineGitCommand } from './define.js'
import { pathStates, type PathState } from './worktree.js'

/**
 * Stages everything that differs under `paths` (all of the worktree when empty) and
 * returns the states it started from.
 */
export async function stagePaths(g: Git, paths: string[], opts: { trackedOnly?: boolean; cache?: object } = {}): Promise<PathState[]> {
  const { dir, gitdir } = g.repo()
  const cache = opts.cache ?? {}
  const states = await pathStates(g, { paths, cache })
  const toAdd: string[] = []
  const toRemove: string[] = []
  for (const s of states) {
    if (opts.trackedOnly && s.untracked) continue
    if (s.workdir === 0) {
      if (s.stage !== 0) toRemove.push(s.path)
    } else if (s.untracked || s.y !== ' ') toAdd.push(s.path)
  }
  if (toAdd.length) await iso.add({ fs: g.fs, dir, gitdir, filepath: toAdd, cache })
  for (const filepath of toRemove) await iso.remove({ fs: g.fs, dir, gitdir, filepath, cache })
  return states
}

/** True when `path` names something in the worktree or the index. */
export async function pathKnown(g: Git, path: string): Promise<boolean> {
  const { dir, gitdir } = g.repo()
  if (path === '.' || g.vfs.exists(`${dir}/${path}`)) return true
  const files = await iso.listFiles({ fs: g.fs, dir, gitdir })
  return files.some((f) => f === path || f.startsWith(`${path}/`))
}

export default defineGitCommand({
  name: 'add',
  usage: 'git add [<options>] [--] <pathspec>...',
  summary: 'Add file contents to the index',
  flags: {
    all: { type: 'boolean', short: 'A', alias: ['no-ignore-removal'], description: 'add changes from all tracked and untracked files' },
    update: { type: 'boolean', short: 'u', description: 'update tracked files' },
    verbose: { type: 'boolean', short: 'v', description: 'be verbose' },
  },
  async run(g, { args, flags }) {
    g.repo()
    const paths = args.map((p) => g.repoPath(p))
    if (!paths.length && !flags.all && !flags.update) {
      await g.err("Nothing specified, nothing added.\nhint: Maybe you wanted to say 'git add .'?\nhint: Turn this message off by running\nhint: \"git config advice.addEmptyPathspec false\"\n")
      return 0
    }
    for (const [i, p] of paths.entries()) {
      if (!(await pathKnown(g, p))) throw fatal(`pathspec '${args[i]}' did not match any files`)
    }
    await stagePaths(g, paths, { trackedOnly: flags.update })
    return 0
  },
})
