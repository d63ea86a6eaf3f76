/** `git rev-parse`: object ids for revisions, and where the repository is. */
import { fatal } from './errors.js'
import { defineGitCommand } from './define.js'
import { tryResolveCommit } from './revisions.js'

export default defineGitCommand({
  name: 'rev-parse',
  usage: 'git rev-parse [--short[=<n>]] [--abbrev-ref] [--verify] [-q] <rev>...\ngit rev-parse --show-toplevel | --git-dir | --is-inside-work-tree | --show-prefix',
  summary: 'Pick out and massage parameters',
  flags: {
    short: { type: 'number', optionalValue: true, arg: 'n', description: 'abbreviate object names' },
    'abbrev-ref': { type: 'boolean', description: 'a non-ambiguous short name of the ref' },
    verify: { type: 'boolean', description: 'verify that exactly one parameter names an object' },
    quiet: { type: 'boolean', short: 'q', description: 'stay silent when --verify fails' },
    'show-toplevel': { type: 'boolean', description: 'show the top-level directory of the working tree' },
    'git-dir': { type: 'boolean', description: 'show the path of the .git directory' },
    'is-inside-work-tree': { type: 'boolean', description: 'print true when inside the working tree' },
    'show-prefix': { type: 'boolean', description: 'show the path of the current directory from the top-level' },
  },
  async run(g, { args, flags, order }) {
    if (flags['is-inside-work-tree']) {
      g.repo()
      await g.out('true\n')
      return 0
    }
    if (flags['show-toplevel']) {
      await g.out(`${g.repo().dir}\n`)
      return 0
    }
    if (flags['git-dir']) {
      const r = g.repo()
      await g.out(`${r.dir === g.cwd ? '.git' : r.gitdir}\n`)
      return 0
    }
    if (flags['show-prefix']) {
      const p = g.prefix()
      await g.out(p ? `${p}/\n` : '\n')
      return 0
    }
    g.repo()
    const shortLen = order.includes('short') ? (typeof flags.short === 'number' && flags.short > 0 ? flags.short : 7) : undefined
    let out = ''
    for (const rev of args) {
      if (flags['abbrev-ref']) {
        if (rev === 'HEAD' || rev === '@') {
          out += `${(await g.currentBranch()) ?? 'HEAD'}\n`
          continue
        }
        out += `${rev.replace(/^refs\/(heads|remotes|tags)\//, '')}\n`
        continue
      }
      const oid = await tryResolveCommit(g, rev)
      if (!oid) {
        if (flags.verify) {
          if (!flags.quiet) await g.err('fatal: Needed a single revision\n')
          return 128
        }
        throw fatal(`ambiguous argument '${rev}': unknown revision or path not in the working tree.\nUse '--' to separate paths from revisions, like this:\n'git <command> [<revision>...] -- [<file>...]'`)
      }
      out += `${shortLen ? oid.slice(0, shortLen) : oid}\n`
    }
    await g.out(out)
    return 0
  },
})
