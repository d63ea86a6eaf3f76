/** `git init`: an empty repository, or a harmless re-initialisation of an existing one. */
import * as iso from 'isomorphic-git'
import { defineGitCommand } from './define.js'

export default defineGitCommand({
  name: 'init',
  usage: 'git init [-q | --quiet] [--bare] [-b <branch-name>] [<directory>]',
  summary: 'Create an empty Git repository or reinitialize an existing one',
  flags: {
    quiet: { type: 'boolean', short: 'q', description: 'be quiet' },
    bare: { type: 'boolean', description: 'create a bare repository' },
    'initial-branch': { type: 'string', short: 'b', arg: 'name', description: 'override the name of the initial branch' },
  },
  async run(g, { args, flags }) {
    const dir = g.resolve(args[0] ?? '.')
    g.vfs.mkdir(dir, { recursive: true })
    const gitdir = flags.bare ? dir : `${dir}/.git`
    const existed = g.vfs.exists(`${gitdir}/HEAD`)
    const defaultBranch = flags['initial-branch'] || g.config('init.defaultbranch') || 'main'
    await iso.init({ fs: g.fs, dir, gitdir, bare: flags.bare, defaultBranch })
    g.forgetRepo()
    if (!flags.quiet) {
      await g.out(`${existed ? 'Reinitialized existing' : 'Initialized empty'} Git repository in ${gitdir}/\n`)
    }
    return 0
  },
})
