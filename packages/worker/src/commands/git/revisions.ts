/**
 * Revision names as git accepts them on the command line: `HEAD`, branches, tags,
 * `origin/main`, full or abbreviated object ids, and the `~N` / `^N` suffixes.
 */
import * as iso from 'isomorphic-git'
import type { Git } from './context.js'
import { fatal } from './errors.js'

const SUFFIX = /(~\d*|\^\d*)$/

/** Resolves a name (no suffixes) to an object id, or undefined. */
async function resolveName(g: Git, name: string): Promise<string | undefined> {
  const { fs } = g
  const { gitdir } = g.repo()
  const ref = name === '@' ? 'HEAD' : name
  try {
    return await iso.resolveRef({ fs, gitdir, ref })
  } catch {
    // not a ref
  }
  if (/^[0-9a-f]{4,40}$/i.test(ref)) {
    try {
      return await iso.expandOid({ fs, gitdir, oid: ref.toLowerCase() })
    } catch {
      return undefined
    }
  }
  return undefined
}

/** Follows annotated tags down to the object they name. */
export async function peel(g: Git, oid: string): Promise<string> {
  const { fs } = g
  const { gitdir } = g.repo()
  let cur = oid
  for (let i = 0; i < 10; i++) {
    const obj = await iso.readObject({ fs, gitdir, oid: cur, format: 'parsed' })
    if (obj.type !== 'tag') return cur
    cur = (obj.object as { object: string }).object
  }
  return cur
}

/** The commit a revision names; fatal in git's words when it names nothing. */
export async function resolveCommit(g: Git, rev: string): Promise<string> {
  const oid = await tryResolveCommit(g, rev)
  if (!oid) throw fatal(`ambiguous argument '${rev}': unknown revision or path not in the working tree.\nUse '--' to separate paths from revisions, like this:\n'git <command> [<revision>...] -- [<file>...]'`)
  return oid
}

export async function tryResolveCommit(g: Git, rev: string): Promise<string | undefined> {
  let base = rev
  const steps: Array<{ kind: '~' | '^'; n: number }> = []
  for (let m = SUFFIX.exec(base); m; m = SUFFIX.exec(base)) {
    const s = m[1] as string
    const n = s.length > 1 ? Number(s.slice(1)) : 1
    steps.unshift({ kind: s[0] as '~' | '^', n })
    base = base.slice(0, -s.length)
  }
  const start = await resolveName(g, base)
  if (!start) return undefined
  let oid = await peel(g, start)
  const { fs } = g
  const { gitdir } = g.repo()
  for (const step of steps) {
    const count = step.kind === '~' ? step.n : 1
    for (let i = 0; i < count; i++) {
      let parents: string[]
      try {
        parents = (await iso.readCommit({ fs, gitdir, oid })).commit.parent
      } catch {
        return undefined
      }
      const idx = step.kind === '^' ? step.n - 1 : 0
      if (step.kind === '^' && step.n === 0) break
      const next = parents[idx]
      if (!next) return undefined
      oid = next
    }
  }
  return oid
}

/** True when HEAD points at a commit (false in a fresh repository). */
export async function hasHead(g: Git): Promise<boolean> {
  return (await resolveName(g, 'HEAD')) !== undefined
}

export const short = (oid: string): string => oid.slice(0, 7)
