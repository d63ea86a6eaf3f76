/** `git remote`: list (`-v`), add, remove, get-url and set-url. */
import * as iso from 'isomorphic-git'
import { getValue, removeSection, setValue, subsections } from './config-file.js'
import { displayUrl } from './credentials.js'
import { GitError, fatal } from './errors.js'
import { defineGitCommand } from './define.js'

export default defineGitCommand({
  name: 'remote',
  usage: 'git remote [-v | --verbose]\ngit remote add <name> <url>\ngit remote remove <name>\ngit remote get-url <name>\ngit remote set-url <name> <newurl>',
  summary: 'Manage set of tracked repositories',
  stopAtOperand: true,
  flags: {
    verbose: { type: 'boolean', short: 'v', description: 'be verbose; must be placed before a subcommand' },
  },
  async run(g, { args, flags }) {
    const { gitdir } = g.repo()
    const [action, ...rest] = args
    const text = g.readConfig('repo')
    const names = subsections(text, 'remote')
    if (action === undefined) {
      let out = ''
      for (const n of names) {
        const url = displayUrl(getValue(text, `remote.${n}.url`) ?? '')
        out += flags.verbose ? `${n}\t${url} (fetch)\n${n}\t${url} (push)\n` : `${n}\n`
      }
      await g.out(out)
      return 0
    }
    const [name, url] = rest
    switch (action) {
      case 'add': {
        if (!name || !url) throw new GitError('usage: git remote add <name> <url>', 129)
        if (names.includes(name)) throw new GitError(`error: remote ${name} already exists.`, 3)
        if (!/^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/.test(name)) throw fatal(`'${name}' is not a valid remote name`)
        let t = setValue(text, `remote.${name}.url`, url)
        t = setValue(t, `remote.${name}.fetch`, `+refs/heads/*:refs/remotes/${name}/*`)
        g.writeConfig('repo', t)
        return 0
      }
      case 'remove':
      case 'rm': {
        if (!name) throw new GitError('usage: git remote remove <name>', 129)
        if (!names.includes(name)) throw new GitError(`error: No such remote: '${name}'`, 2)
        let t = removeSection(text, 'remote', name).text
        // Branches that tracked it lose their upstream, as in git.
        for (const b of subsections(t, 'branch')) {
          if (getValue(t, `branch.${b}.remote`) === name) {
            t = removeSection(t, 'branch', b).text
          }
        }
        g.writeConfig('repo', t)
        if (g.vfs.exists(`${gitdir}/refs/remotes/${name}`)) {
          for (const b of await iso.listBranches({ fs: g.fs, gitdir, remote: name })) {
            await iso.deleteRef({ fs: g.fs, gitdir, ref: `refs/remotes/${name}/${b}` }).catch(() => undefined)
          }
          g.removePath(`${gitdir}/refs/remotes/${name}`)
        }
        return 0
      }
      case 'get-url': {
        if (!name) throw new GitError('usage: git remote get-url <name>', 129)
        const u = getValue(text, `remote.${name}.url`)
        if (u === undefined) throw new GitError(`error: No such remote '${name}'`, 2)
        await g.out(`${displayUrl(u)}\n`)
        return 0
      }
      case 'set-url': {
        if (!name || !url) throw new GitError('usage: git remote set-url <name> <newurl>', 129)
        if (!names.includes(name)) throw new GitError(`error: No such remote '${name}'`, 2)
        g.writeConfig('repo', setValue(text, `remote.${name}.url`, url))
        return 0
      }
      default:
        throw new GitError(`error: unknown subcommand: \`${action}'\nusage: git remote [-v | --verbose]`, 129)
    }
  },
})
