/** `git tag`: list, create (lightweight or `-a`/`-m` annotated) and delete tags. */
import * as iso from 'isomorphic-git'
import { GitError, fatal } from './errors.js'
import { defineGitCommand } from './define.js'
import { resolveCommit, short } from './revisions.js'

export default defineGitCommand({
  name: 'tag',
  usage: 'git tag [-l] [<pattern>]\ngit tag [-a] [-m <msg>] [-f] <tagname> [<commit>]\ngit tag -d <tagname>...',
  summary: 'Create, list or delete a tag object',
  flags: {
    list: { type: 'boolean', short: 'l', description: 'list tag names' },
    delete: { type: 'boolean', short: 'd', description: 'delete tags' },
    annotate: { type: 'boolean', short: 'a', description: 'annotated tag, needs a message' },
    message: { type: 'string', short: 'm', arg: 'message', description: 'tag message' },
    force: { type: 'boolean', short: 'f', description: 'replace the tag if exists' },
  },
  async run(g, { args, flags }) {
    const { gitdir } = g.repo()
    if (flags.delete) {
      let status = 0
      for (const name of args) {
        let oid: string
        try {
          oid = await iso.resolveRef({ fs: g.fs, gitdir, ref: `refs/tags/${name}`, depth: 1 })
        } catch {
          await g.err(`error: tag '${name}' not found.\n`)
          status = 1
          continue
        }
        await iso.deleteTag({ fs: g.fs, gitdir, ref: name })
        await g.out(`Deleted tag '${name}' (was ${short(oid)})\n`)
      }
      return status
    }
    if (flags.list || args.length === 0) {
      const pattern = args[0]
      const re = pattern ? new RegExp(`^${pattern.replace(/[.+^${}()|\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.')}$`) : undefined
      const tags = (await iso.listTags({ fs: g.fs, gitdir })).filter((t) => !re || re.test(t)).sort()
      await g.out(tags.map((t) => `${t}\n`).join(''))
      return 0
    }
    const [name, rev] = args as [string, string | undefined]
    if (!name || /[\s~^:?*[\\]|\.\.|^-|\/$|\.lock$/.test(name)) throw fatal(`'${name}' is not a valid tag name.`)
    if (!flags.force && g.vfs.exists(`${gitdir}/refs/tags/${name}`)) throw fatal(`tag '${name}' already exists`)
    const object = await resolveCommit(g, rev ?? 'HEAD')
    if (flags.annotate || flags.message !== undefined) {
      if (!flags.message) throw new GitError('fatal: no tag message given (use -m; there is no editor here)', 128)
      const tagger = g.identity('committer')
      await iso.annotatedTag({ fs: g.fs, gitdir, ref: name, object, message: `${flags.message}\n`, tagger, force: flags.force })
    } else {
      await iso.tag({ fs: g.fs, gitdir, ref: name, object, force: flags.force })
    }
    return 0
  },
})
