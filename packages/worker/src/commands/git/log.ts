/** `git log`: history from a revision, medium or `--oneline` format, `-n`, simple `--graph`. */
import * as iso from 'isomorphic-git'
import type { Git } from './context.js'
import { fatal } from './errors.js'
import { defineGitCommand } from './define.js'
import { mediumFormat, onelineFormat } from './format.js'
import { hasHead, resolveCommit } from './revisions.js'

/** ` (HEAD -> main, origin/main, tag: v1)` for each commit that refs point at. */
async function decorations(g: Git): Promise<Map<string, string[]>> {
  const { gitdir } = g.repo()
  const map = new Map<string, string[]>()
  const add = (oid: string, name: string) => map.set(oid, [...(map.get(oid) ?? []), name])
  const branch = await g.currentBranch()
  const head = await iso.resolveRef({ fs: g.fs, gitdir, ref: 'HEAD' })
  if (!branch) add(head, 'HEAD')
  for (const b of await iso.listBranches({ fs: g.fs, gitdir })) {
    const oid = await iso.resolveRef({ fs: g.fs, gitdir, ref: `refs/heads/${b}` })
    add(oid, b === branch ? `HEAD -> ${b}` : b)
  }
  for (const r of await iso.listRemotes({ fs: g.fs, gitdir })) {
    for (const b of await iso.listBranches({ fs: g.fs, gitdir, remote: r.remote })) {
      if (b === 'HEAD') continue
      try {
        add(await iso.resolveRef({ fs: g.fs, gitdir, ref: `refs/remotes/${r.remote}/${b}` }), `${r.remote}/${b}`)
      } catch {
        // dangling remote ref
      }
    }
  }
  for (const t of await iso.listTags({ fs: g.fs, gitdir })) {
    let oid = await iso.resolveRef({ fs: g.fs, gitdir, ref: `refs/tags/${t}` })
    try {
      const o = await iso.readObject({ fs: g.fs, gitdir, oid })
      if (o.type === 'tag') oid = (o.object as { object: string }).object
    } catch {
      // missing object
    }
    add(oid, `tag: ${t}`)
  }
  return map
}

export default defineGitCommand({
  name: 'log',
  usage: 'git log [--oneline] [-n <number>] [--graph] [--decorate] [<revision>] [[--] <path>...]',
  summary: 'Show commit logs',
  numericFlag: 'max-count',
  flags: {
    oneline: { type: 'boolean', description: 'shorthand for --pretty=oneline --abbrev-commit' },
    'max-count': { type: 'number', short: 'n', arg: 'number', description: 'limit the number of commits to output' },
    graph: { type: 'boolean', description: 'draw a text-based graph of the commit history' },
    decorate: { type: 'boolean', description: 'show ref names of commits' },
    'no-decorate': { type: 'boolean', description: 'do not show ref names' },
  },
  async run(g, { args, flags }) {
    const { dir, gitdir } = g.repo()
    const dash = g.ctx.args.indexOf('--')
    const revs = dash === -1 ? args : args.slice(0, args.length - (g.ctx.args.length - dash - 1))
    let paths = dash === -1 ? [] : args.slice(revs.length)
    if (revs.length > 1 && dash === -1) {
      paths = revs.slice(1)
      revs.length = 1
    }
    if (!(await hasHead(g)) && revs.length === 0) {
      const branch = (await g.currentBranch()) ?? 'HEAD'
      throw fatal(`your current branch '${branch}' does not have any commits yet`)
    }
    const start = await resolveCommit(g, revs[0] ?? 'HEAD')
    const deco = flags.decorate && !flags['no-decorate'] ? await decorations(g) : undefined
    const commits = await iso.log({
      fs: g.fs,
      dir,
      gitdir,
      ref: start,
      cache: {},
      // Room for the duplicates dropped below.
      ...(flags['max-count'] !== undefined ? { depth: flags['max-count'] * 2 + 10 } : {}),
      ...(paths.length ? { filepath: g.repoPath(paths[0] as string) } : {}),
    })
    // isomorphic-git can list a commit twice when two parents reach it in the same second.
    const seen = new Set<string>()
    const unique = commits.filter((c) => !seen.has(c.oid) && seen.add(c.oid))
    const shown = flags['max-count'] !== undefined ? unique.slice(0, Math.max(0, flags['max-count'])) : unique
    let text = ''
    shown.forEach((c, i) => {
      const d = deco?.get(c.oid)
      const decoration = d ? ` (${d.join(', ')})` : ''
      if (flags.oneline) {
        text += `${flags.graph ? '* ' : ''}${onelineFormat(c, decoration)}`
        return
      }
      const block = mediumFormat(c, decoration)
      if (flags.graph) {
        const lines = block.split('\n').slice(0, -1)
        text += lines.map((l, j) => (j === 0 ? `* ${l}` : l ? `| ${l}` : '|')).join('\n') + '\n'
        if (i < shown.length - 1) text += '|\n'
      } else text += `${i > 0 ? '\n' : ''}${block}`
    })
    await g.out(text)
    return 0
  },
})
