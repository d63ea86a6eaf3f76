/**
 * `git restore`: put files back from the index (default) or a commit (`--source`), and
 * unstage with `--staged`. `checkout -- <path>` and `reset --hard` reuse these helpers.
 */
import * as iso from 'isomorphic-git'
import type { Git } from './context.js'
import { GitError, fatal } from './errors.js'
import { defineGitCommand } from './define.js'
import { resolveCommit } from './revisions.js'

interface Entry {
  path: string
  oid: string
  mode: number
}

const under = (path: string, specs: readonly string[]): boolean =>
  specs.some((s) => s === '.' || s === '' || path === s || path.startsWith(`${s}/`))

/** Blobs in the index (`source` undefined) or a commit's tree under `specs`. */
export async function entriesOf(g: Git, source: string | undefined, specs: readonly string[]): Promise<Entry[]> {
  const { dir, gitdir } = g.repo()
  const out: Entry[] = []
  await iso.walk({
    fs: g.fs,
    dir,
    gitdir,
    trees: [source === undefined ? iso.STAGE() : iso.TREE({ ref: source })],
    map: async (path, [e]) => {
      if (!e || path === '.') return true
      const type = await e.type()
      if (type === 'tree') return specs.some((s) => s === '.' || s === '' || s.startsWith(`${path}/`) || path === s || path.startsWith(`${s}/`)) ? true : null
      if (type !== 'blob' || !under(path, specs)) return null
      out.push({ path, oid: await e.oid(), mode: await e.mode() })
      return null
    },
  })
  return out
}

/** Writes one blob into the worktree with its mode (symlinks as links). */
export async function writeWorktreeFile(g: Git, e: Entry): Promise<void> {
  const { dir, gitdir } = g.repo()
  const abs = `${dir}/${e.path}`
  const { blob } = await iso.readBlob({ fs: g.fs, gitdir, oid: e.oid })
  const parent = abs.slice(0, abs.lastIndexOf('/'))
  if (g.vfs.exists(parent) && g.vfs.lstat(parent).type !== 'dir') g.removePath(parent)
  g.vfs.mkdir(parent, { recursive: true })
  if (g.vfs.exists(abs) || isLink(g, abs)) g.removePath(abs)
  if (e.mode === 0o120000) g.vfs.symlink(new TextDecoder().decode(blob), abs)
  else g.vfs.writeFile(abs, blob, { mode: e.mode === 0o100755 ? 0o755 : 0o644 })
}

const isLink = (g: Git, abs: string): boolean => {
  try {
    return g.vfs.lstat(abs).type === 'symlink'
  } catch {
    return false
  }
}

/** Restores worktree files under `specs` from the index or `source`; returns how many. */
export async function restoreWorktree(g: Git, specs: readonly string[], source?: string): Promise<number> {
  const entries = await entriesOf(g, source, specs)
  for (const e of entries) await writeWorktreeFile(g, e)
  return entries.length
}

export default defineGitCommand({
  name: 'restore',
  usage: 'git restore [--source=<tree>] [--staged] [--worktree] [--] <pathspec>...',
  summary: 'Restore working tree files',
  flags: {
    source: { type: 'string', short: 's', arg: 'tree-ish', description: 'which tree-ish to checkout from' },
    staged: { type: 'boolean', short: 'S', description: 'restore the index' },
    worktree: { type: 'boolean', short: 'W', description: 'restore the working tree (default)' },
  },
  async run(g, { args, flags }) {
    const { dir, gitdir } = g.repo()
    if (!args.length) throw fatal('you must specify path(s) to restore')
    const specs = args.map((p) => g.repoPath(p))
    const worktree = flags.worktree || !flags.staged
    const source = flags.source ? await resolveCommit(g, flags.source) : undefined
    if (flags.staged) {
      const ref = source ?? 'HEAD'
      const inIndex = await entriesOf(g, undefined, specs)
      let inSource: Entry[] = []
      try {
        inSource = await entriesOf(g, await resolveCommit(g, ref), specs)
      } catch {
        inSource = []
      }
      const paths = new Set([...inIndex, ...inSource].map((e) => e.path))
      for (const filepath of paths) await iso.resetIndex({ fs: g.fs, dir, gitdir, filepath, ...(source ? { ref: source } : {}) })
    }
    if (worktree) {
      // Without --source, --staged --worktree restores both from HEAD.
      const from = source ?? (flags.staged ? await resolveCommit(g, 'HEAD') : undefined)
      for (const [i, spec] of specs.entries()) {
        const n = await restoreWorktree(g, [spec], from)
        if (n === 0) throw new GitError(`error: pathspec '${args[i]}' did not match any file(s) known to git`, 1)
      }
    }
    return 0
  },
})
