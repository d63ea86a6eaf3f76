/** `git diff`: worktree vs index, `--staged` index vs a commit, or between two commits. */
import { changes, type Side } from './changes.js'
import { defineGitCommand } from './define.js'
import { printDiff, type DiffFormat } from './patch.js'
import { hasHead, resolveCommit, tryResolveCommit } from './revisions.js'

export default defineGitCommand({
  name: 'diff',
  usage: 'git diff [<options>] [--staged] [<commit> [<commit>]] [--] [<path>...]',
  summary: 'Show changes between commits, commit and working tree, etc',
  flags: {
    staged: { type: 'boolean', alias: ['cached'], description: 'compare the index with a commit (HEAD by default)' },
    stat: { type: 'boolean', description: 'show a diffstat' },
    'name-only': { type: 'boolean', description: 'show only names of changed files' },
    'name-status': { type: 'boolean', description: 'show names and status of changed files' },
    quiet: { type: 'boolean', alias: ['exit-code'], description: 'exit with 1 if there were differences' },
  },
  async run(g, { args, flags }) {
    g.repo()
    const revs: string[] = []
    const paths: string[] = []
    const dash = g.ctx.args.lastIndexOf('--')
    const afterDash = dash === -1 ? 0 : g.ctx.args.length - dash - 1
    const before = args.slice(0, args.length - afterDash)
    for (const a of before) {
      if (paths.length === 0 && revs.length < 2 && (a.includes('..') || (await tryResolveCommit(g, a)) !== undefined)) {
        if (a.includes('..')) revs.push(...a.split(/\.\.\.?/).map((r) => r || 'HEAD'))
        else revs.push(a)
      } else paths.push(a)
    }
    paths.push(...args.slice(args.length - afterDash))
    const specs = paths.map((p) => g.repoPath(p))
    const emptyTree = '4b825dc642cb6eb9a060e54bf8d69288fbee4904'
    let from: Side
    let to: Side
    if (revs.length === 2) {
      from = { kind: 'commit', oid: await resolveCommit(g, revs[0] as string) }
      to = { kind: 'commit', oid: await resolveCommit(g, revs[1] as string) }
    } else if (flags.staged) {
      from = { kind: 'commit', oid: revs[0] ? await resolveCommit(g, revs[0]) : (await hasHead(g)) ? await resolveCommit(g, 'HEAD') : emptyTree }
      to = { kind: 'index' }
    } else if (revs.length === 1) {
      from = { kind: 'commit', oid: await resolveCommit(g, revs[0] as string) }
      to = { kind: 'worktree' }
    } else {
      from = { kind: 'index' }
      to = { kind: 'worktree' }
    }
    const list = await changes(g, from, to, { paths: specs })
    const format: DiffFormat = flags.quiet ? 'quiet' : flags.stat ? 'stat' : flags['name-only'] ? 'name-only' : flags['name-status'] ? 'name-status' : 'patch'
    await printDiff(g, from, to, list, format)
    return flags.quiet && list.length ? 1 : 0
  },
})
