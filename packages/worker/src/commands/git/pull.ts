/** `git pull`: fetch, then merge the upstream branch (fast-forward when possible). */
import { displayUrl } from './credentials.js'
import { GitError, fatal } from './errors.js'
import { defineGitCommand } from './define.js'
import { runFetch } from './fetch.js'
import { mergeInto } from './merge.js'

export default defineGitCommand({
  name: 'pull',
  usage: 'git pull [--ff-only | --no-ff] [<repository> [<branch>]]',
  summary: 'Fetch from and integrate with another repository or a local branch',
  flags: {
    quiet: { type: 'boolean', short: 'q', description: 'be more quiet' },
    'ff-only': { type: 'boolean', description: 'abort if fast-forward is not possible' },
    'no-ff': { type: 'boolean', description: 'always create a merge commit' },
    rebase: { type: 'boolean', short: 'r', description: 'not supported here: merges instead' },
  },
  async run(g, { args, flags }) {
    if (flags.rebase) throw fatal('pull --rebase is not supported here; use git pull (merge)')
    const branch = await g.currentBranch()
    if (!branch) throw fatal('You are not currently on a branch.')
    const [remoteArg, branchArg] = args
    let upstream = branchArg
    if (upstream === undefined) {
      const merge = g.config(`branch.${branch}.merge`)
      const remote = g.config(`branch.${branch}.remote`)
      if (!merge || (remoteArg && remote !== remoteArg)) {
        throw new GitError(
          'There is no tracking information for the current branch.\nPlease specify which branch you want to merge with.\n\n    git pull <remote> <branch>\n\n' +
            'If you wish to set tracking information for this branch you can do so with:\n\n' +
            `    git branch --set-upstream-to=${remoteArg ?? 'origin'}/<branch> ${branch}\n`,
          1,
        )
      }
      upstream = merge.replace(/^refs\/heads\//, '')
    }
    const { name } = await runFetch(g, { ...(remoteArg !== undefined ? { remote: remoteArg } : {}), quiet: flags.quiet })
    return mergeInto(g, `refs/remotes/${name}/${upstream}`, {
      ffOnly: flags['ff-only'],
      noFf: flags['no-ff'],
      label: upstream,
      message: `Merge branch '${upstream}' of ${displayUrl(g.config(`remote.${name}.url`) ?? name)}${branch === 'main' || branch === 'master' ? '' : ` into ${branch}`}`,
    })
  },
})
