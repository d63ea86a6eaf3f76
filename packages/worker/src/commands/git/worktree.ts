/**
 * The state of every path in HEAD, the index and the working tree (isomorphic-git's
 * status matrix), classified the way `git status` reports it.
 */
import * as iso from 'isomorphic-git'
import type { Git } from './context.js'
import { fastMatrix, type MatrixRow } from './fast-status.js'

export interface PathState {
  path: string
  /** Staged change (index vs HEAD): ' ', 'A', 'M', 'D'. */
  x: ' ' | 'A' | 'M' | 'D'
  /** Unstaged change (worktree vs index): ' ', 'M', 'D'. */
  y: ' ' | 'M' | 'D'
  untracked: boolean
  head: number
  workdir: number
  stage: number
}

/** The raw matrix: our single-pass version when it can, isomorphic-git's otherwise. */
export async function statusRows(g: Git, opts: { paths?: string[]; cache?: object; slow?: boolean } = {}): Promise<MatrixRow[]> {
  const { dir, gitdir } = g.repo()
  const cache = opts.cache ?? {}
  const specs = opts.paths && opts.paths.length && !opts.paths.includes('.') ? opts.paths : undefined
  const fast = opts.slow ? undefined : await fastMatrix(g, cache)
  if (fast) return specs ? fast.filter(([p]) => specs.some((s) => p === s || p.startsWith(`${s}/`))) : fast
  return (await iso.statusMatrix({ fs: g.fs, dir, gitdir, cache, ...(specs ? { filepaths: specs } : {}) })) as MatrixRow[]
}

/** Every path that is not clean, sorted; `paths` limits the result. */
export async function pathStates(g: Git, opts: { paths?: string[]; cache?: object; slow?: boolean } = {}): Promise<PathState[]> {
  const rows = await statusRows(g, opts)
  const out: PathState[] = []
  for (const [path, head, workdir, stage] of rows) {
    if (head === 1 && workdir === 1 && stage === 1) continue
    let x: PathState['x'] = ' '
    let y: PathState['y'] = ' '
    let untracked = false
    if (head === 0 && stage === 0) untracked = workdir !== 0
    else {
      if (head === 0 && stage > 0) x = 'A'
      else if (head === 1 && stage === 0) x = 'D'
      else if (head === 1 && (stage === 2 || stage === 3) && !(stage === 2 && workdir === 1)) x = 'M'
      if (stage === 0) untracked = workdir !== 0
      else if (workdir === 0) y = 'D'
      else if ((stage === 1 && workdir === 2) || stage === 3) y = 'M'
      // [1,1,3]: the index differs from HEAD but the worktree matches HEAD again.
      if (head === 1 && stage === 3) x = 'M'
    }
    if (x === ' ' && y === ' ' && !untracked) continue
    out.push({ path, x, y, untracked, head, workdir, stage })
  }
  return out
}
