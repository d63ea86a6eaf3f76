/**
 * What differs between two snapshots of a repository: a commit's tree, the index, or
 * the working tree, walked together by isomorphic-git. `diff`, `show`, `merge`'s
 * summary and `status` all start from this list.
 */
import * as iso from 'isomorphic-git'
import type { Git } from './context.js'

export type Side = { kind: 'commit'; oid: string } | { kind: 'index' } | { kind: 'worktree' }

export interface Change {
  path: string
  /** undefined when the file is absent on that side. */
  oldOid?: string
  newOid?: string
  oldMode?: number
  newMode?: number
}

type Walker = ReturnType<typeof iso.TREE>

const walkerOf = (s: Side): Walker => (s.kind === 'commit' ? iso.TREE({ ref: s.oid }) : s.kind === 'index' ? iso.STAGE() : iso.WORKDIR())

const inScope = (path: string, specs: readonly string[]): boolean =>
  specs.length === 0 || specs.some((s) => s === '.' || s === '' || path === s || path.startsWith(`${s}/`))

const couldContain = (dir: string, specs: readonly string[]): boolean =>
  specs.length === 0 || specs.some((s) => s === '.' || s === '' || dir === '.' || s.startsWith(`${dir}/`) || dir === s || dir.startsWith(`${s}/`))

/**
 * Files that differ from `from` to `to`, sorted by path. Untracked worktree files are
 * left out (git diff ignores them) unless `untracked` is set.
 */
export async function changes(g: Git, from: Side, to: Side, opts: { paths?: readonly string[]; cache?: object } = {}): Promise<Change[]> {
  const { dir, gitdir } = g.repo()
  const specs = opts.paths ?? []
  const trackedOnly = to.kind === 'worktree'
  const bothCommits = from.kind === 'commit' && to.kind === 'commit'
  const out: Change[] = []
  await iso.walk({
    fs: g.fs,
    dir,
    gitdir,
    cache: opts.cache ?? {},
    trees: trackedOnly ? [walkerOf(from), walkerOf(to), iso.STAGE()] : [walkerOf(from), walkerOf(to)],
    map: async (path, entries) => {
      const [a, b, stage] = entries
      if (path === '.') return true
      if (path === '.git' || path.startsWith('.git/')) return null
      const ta = a ? await a.type() : undefined
      const tb = b ? await b.type() : undefined
      if (ta === 'tree' || tb === 'tree') {
        if (!couldContain(path, specs)) return null
        // Two commits sharing a subtree: nothing below it differs.
        if (bothCommits && ta === 'tree' && tb === 'tree' && a && b && (await a.oid()) === (await b.oid())) return null
        // A worktree folder with no tracked files inside is untracked: skip it.
        if (trackedOnly && !a && !stage) return null
        return true
      }
      if (!inScope(path, specs)) return null
      if (trackedOnly && !stage && !a) return null
      if (ta === 'commit' || tb === 'commit') return null
      const oa = a && ta === 'blob' ? await a.oid() : undefined
      const ob = b && tb === 'blob' ? await b.oid() : undefined
      const ma = a && ta === 'blob' ? await a.mode() : undefined
      const mb = b && tb === 'blob' ? await b.mode() : undefined
      if (oa === ob && ma === mb) return null
      out.push({
        path,
        ...(oa !== undefined ? { oldOid: oa, oldMode: ma as number } : {}),
        ...(ob !== undefined ? { newOid: ob, newMode: mb as number } : {}),
      })
      return null
    },
  })
  out.sort((x, y) => (x.path < y.path ? -1 : x.path > y.path ? 1 : 0))
  return out
}

/** A side's bytes for one file (blob id known for commit/index; worktree read directly). */
export async function contentOf(g: Git, side: Side, oid: string | undefined, path: string): Promise<Uint8Array> {
  if (oid === undefined) return new Uint8Array(0)
  if (side.kind === 'worktree') {
    const abs = `${g.repo().dir}/${path}`
    const st = g.vfs.lstat(abs)
    return st.type === 'symlink' ? new TextEncoder().encode(g.vfs.readlink(abs)) : g.vfs.readFile(abs)
  }
  const { blob } = await iso.readBlob({ fs: g.fs, gitdir: g.repo().gitdir, oid })
  return blob
}
