/**
 * The `git` command: global options (`-C`, `-c`, `--version`), dispatch to one
 * subcommand per file, and a single place where failures become git's messages and
 * exit codes (128 fatal, 129 usage, 1 for errors and conflicts).
 */
import { defineCommand } from '../define-command.js'
import { setValue } from './config-file.js'
import { Git } from './context.js'
import { GitError, translate } from './errors.js'
import { subcommands } from './subcommands.js'

const VERSION = 'git version 2.44.0 (isomorphic-git)'

const overview = (): string => {
  const width = Math.max(...subcommands.map((s) => s.name.length)) + 3
  return (
    'usage: git [-C <path>] [-c <name>=<value>] [--version] [--help] <command> [<args>]\n\n' +
    'These are the git commands available in this sandbox:\n\n' +
    subcommands.map((s) => `   ${s.name.padEnd(width)}${s.summary}\n`).join('') +
    "\nSee 'git <command> --help' for the options of one command.\n"
  )
}

const find = (name: string) => subcommands.find((s) => s.name === name || s.aliases?.includes(name))

export default defineCommand({
  name: 'git',
  usage: 'git [-C <path>] <command> [<args>]',
  description: 'the stupid content tracker (isomorphic-git over the sandbox filesystem)',
  rawArgs: true,
  noHelp: true,
  async run(ctx) {
    const g = new Git(ctx)
    const argv = [...ctx.args]
    const overrides: Array<[string, string]> = []
    try {
      while (argv.length && argv[0]?.startsWith('-')) {
        const a = argv.shift() as string
        if (a === '--version' || a === '-v') {
          await g.out(`${VERSION}\n`)
          return 0
        }
        if (a === '--help' || a === '-h') {
          await g.out(overview())
          return 0
        }
        if (a === '-C') {
          const dir = argv.shift()
          if (dir === undefined) throw new GitError('error: no directory given for -C', 129)
          if (dir !== '') g.chdir(dir)
        } else if (a === '-c') {
          const kv = argv.shift()
          const eq = kv?.indexOf('=') ?? -1
          if (kv === undefined) throw new GitError('error: -c expects a configuration string', 129)
          overrides.push(eq === -1 ? [kv, 'true'] : [kv.slice(0, eq), kv.slice(eq + 1)])
        } else if (a === '--no-pager' || a === '--no-replace-objects') {
          // Nothing pages here.
        } else {
          await g.err(`unknown option: ${a}\n${overview().split('\n')[0]}\n`)
          return 129
        }
      }
      const name = argv.shift()
      if (name === undefined) {
        await g.out(overview())
        return 1
      }
      if (name === 'help') {
        const sub = argv[0] ? find(argv[0]) : undefined
        if (sub) return await sub.run(g, ['--help'])
        await g.out(overview())
        return 0
      }
      const sub = find(name)
      if (!sub) {
        await g.err(`git: '${name}' is not a git command. See 'git --help'.\n`)
        return 1
      }
      if (overrides.length) g.configOverrides = overrides.reduce((text, [k, v]) => setValue(text, k, v), '')
      return await sub.run(g, argv)
    } catch (e) {
      const err = translate(e)
      await g.err(`${err.message.replace(/\n?$/, '\n')}`)
      return err.exitCode
    }
  },
})
