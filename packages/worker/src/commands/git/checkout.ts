/** `git checkout`: switch branches (`-b` creates one), or restore paths from the index. */
import { GitError } from './errors.js'
import { defineGitCommand } from './define.js'
import { restoreWorktree } from './restore.js'
import { resolveCommit, tryResolveCommit } from './revisions.js'
import { branchExists, switchTo, switchToNew } from './switching.js'

export default defineGitCommand({
  name: 'checkout',
  usage: 'git checkout [-f] <branch>\ngit checkout [-f] -b <new-branch> [<start-point>]\ngit checkout [<tree-ish>] [--] <pathspec>...',
  summary: 'Switch branches or restore working tree files',
  flags: {
    b: { type: 'string', arg: 'branch', description: 'create and checkout a new branch' },
    B: { type: 'string', arg: 'branch', description: 'create/reset and checkout a branch' },
    quiet: { type: 'boolean', short: 'q', description: 'suppress feedback messages' },
    force: { type: 'boolean', short: 'f', description: 'force checkout (throw away local modifications)' },
    detach: { type: 'boolean', description: 'detach HEAD at named commit' },
  },
  async run(g, { args, flags }) {
    g.repo()
    g.quiet = flags.quiet
    const newBranch = flags.b ?? flags.B
    if (newBranch !== undefined) {
      await switchToNew(g, newBranch, args[0], flags.B !== undefined || flags.force)
      return 0
    }
    const dash = g.ctx.args.lastIndexOf('--')
    const pathCount = dash === -1 ? 0 : g.ctx.args.length - dash - 1
    const before = args.slice(0, args.length - pathCount)
    let paths = args.slice(args.length - pathCount)
    let source: string | undefined
    if (pathCount > 0 || before.length > 1) {
      if (before.length) source = await resolveCommit(g, before[0] as string)
      if (pathCount === 0) paths = before.slice(1)
    } else if (before.length === 1) {
      const target = before[0] as string
      const isRev = (await branchExists(g, target)) || (await tryResolveCommit(g, target)) !== undefined
      if (!isRev && g.vfs.exists(g.resolve(target))) paths = [target]
      else {
        await switchTo(g, target, { force: flags.force, detach: flags.detach, allowDetach: true })
        return 0
      }
    } else {
      return 0
    }
    for (const p of paths) {
      const n = await restoreWorktree(g, [g.repoPath(p)], source)
      if (n === 0) throw new GitError(`error: pathspec '${p}' did not match any file(s) known to git`, 1)
    }
    if (paths.length > 1 || source) await g.info(`Updated ${paths.length} path${paths.length === 1 ? '' : 's'} from ${source ? 'the tree' : 'the index'}\n`)
    return 0
  },
})
