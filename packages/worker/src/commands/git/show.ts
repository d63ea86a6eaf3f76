/** `git show`: a commit with its patch, a tag, or `<rev>:<path>` file contents. */
import * as iso from 'isomorphic-git'
import { changes } from './changes.js'
import { fatal } from './errors.js'
import { defineGitCommand } from './define.js'
import { gitDate, mediumFormat, onelineFormat } from './format.js'
import { printDiff } from './patch.js'
import { resolveCommit } from './revisions.js'

const EMPTY_TREE = '4b825dc642cb6eb9a060e54bf8d69288fbee4904'

export default defineGitCommand({
  name: 'show',
  usage: 'git show [--stat] [--name-only] [--oneline] [<object>...]',
  summary: 'Show various types of objects',
  flags: {
    stat: { type: 'boolean', description: 'show a diffstat instead of the patch' },
    'name-only': { type: 'boolean', description: 'show only names of changed files' },
    oneline: { type: 'boolean', description: 'one line per commit' },
    'no-patch': { type: 'boolean', short: 's', description: 'suppress diff output' },
  },
  async run(g, { args, flags }) {
    const { gitdir } = g.repo()
    for (const arg of args.length ? args : ['HEAD']) {
      const colon = arg.indexOf(':')
      if (colon !== -1) {
        const rev = arg.slice(0, colon) || 'HEAD'
        const path = arg.slice(colon + 1).replace(/^\.\//, '')
        const oid = await resolveCommit(g, rev)
        try {
          const { blob } = await iso.readBlob({ fs: g.fs, gitdir, oid, filepath: path })
          await g.ctx.stdout.write(blob)
        } catch {
          throw fatal(`path '${path}' does not exist in '${rev}'`)
        }
        continue
      }
      // An annotated tag shows its own header first.
      try {
        const ref = await iso.resolveRef({ fs: g.fs, gitdir, ref: arg })
        const obj = await iso.readObject({ fs: g.fs, gitdir, oid: ref, format: 'parsed' })
        if (obj.type === 'tag') {
          const t = obj.object as { tag: string; tagger: { name: string; email: string; timestamp: number; timezoneOffset: number }; message: string }
          await g.out(`tag ${t.tag}\nTagger: ${t.tagger.name} <${t.tagger.email}>\nDate:   ${gitDate(t.tagger.timestamp, t.tagger.timezoneOffset)}\n\n${t.message.replace(/\n?$/, '\n')}\n`)
        }
      } catch {
        // not a ref name: resolved below
      }
      const oid = await resolveCommit(g, arg)
      const c = await iso.readCommit({ fs: g.fs, gitdir, oid })
      await g.out(flags.oneline ? onelineFormat(c) : mediumFormat(c))
      if (flags['no-patch']) continue
      const parent = c.commit.parent[0] ?? EMPTY_TREE
      const from = { kind: 'commit', oid: parent } as const
      const to = { kind: 'commit', oid } as const
      const list = await changes(g, from, to)
      if (!list.length) continue
      if (!flags.oneline) await g.out('\n')
      await printDiff(g, from, to, list, flags.stat ? 'stat' : flags['name-only'] ? 'name-only' : 'patch')
    }
    return 0
  },
})
