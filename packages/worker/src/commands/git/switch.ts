/** `git switch`: change branches; `-c` creates one, `--detach` allows a bare commit. */
import { fatal } from './errors.js'
import { defineGitCommand } from './define.js'
import { switchTo, switchToNew } from './switching.js'

export default defineGitCommand({
  name: 'switch',
  usage: 'git switch [<options>] <branch>\ngit switch -c <new-branch> [<start-point>]\ngit switch --detach <commit>',
  summary: 'Switch branches',
  flags: {
    create: { type: 'string', short: 'c', arg: 'branch', description: 'create and switch to a new branch' },
    'force-create': { type: 'string', short: 'C', arg: 'branch', description: 'create/reset and switch to a branch' },
    detach: { type: 'boolean', short: 'd', description: 'detach HEAD at named commit' },
    quiet: { type: 'boolean', short: 'q', description: 'suppress feedback messages' },
    force: { type: 'boolean', short: 'f', alias: ['discard-changes'], description: 'throw away local modifications' },
  },
  async run(g, { args, flags }) {
    g.repo()
    g.quiet = flags.quiet
    const created = flags.create ?? flags['force-create']
    if (created !== undefined) {
      await switchToNew(g, created, args[0], flags['force-create'] !== undefined)
      return 0
    }
    const target = args[0]
    if (target === undefined) throw fatal('missing branch or commit argument')
    await switchTo(g, target === '-' ? '@{-1}' : target, { force: flags.force, detach: flags.detach, allowDetach: false })
    return 0
  },
})
