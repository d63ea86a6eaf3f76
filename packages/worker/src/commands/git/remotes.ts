/**
 * Remote lookup shared by fetch, pull and push: which remote and URL a command means,
 * the snapshot of remote-tracking refs used to print `From …` summaries, and the
 * ref-update lines git prints after a transfer.
 */
import * as iso from 'isomorphic-git'
import type { Git } from './context.js'
import { GitError } from './errors.js'
import { short } from './revisions.js'

export interface RemoteTarget {
  /** Remote name, or the URL itself for an ad-hoc URL. */
  name: string
  url: string
  named: boolean
}

const looksLikeUrl = (s: string): boolean => /^[a-z][a-z0-9+.-]*:\/\//i.test(s) || s.startsWith('/') || s.startsWith('.')

/** Resolves a remote name (or URL); git's "does not appear to be a git repository" otherwise. */
export function remoteTarget(g: Git, given: string | undefined): RemoteTarget {
  if (given && looksLikeUrl(given)) return { name: given, url: given, named: false }
  const branch = readBranch(g)
  const name = given ?? (branch ? g.config(`branch.${branch}.remote`) : undefined) ?? 'origin'
  const url = g.config(`remote.${name}.url`)
  if (!url) {
    if (!given && name === 'origin') {
      throw new GitError('fatal: No configured push destination.\nEither specify the URL from the command-line or configure a remote repository using\n\n    git remote add <name> <url>\n', 128)
    }
    throw new GitError(
      `fatal: '${name}' does not appear to be a git repository\nfatal: Could not read from remote repository.\n\nPlease make sure you have the correct access rights\nand the repository exists.`,
      128,
    )
  }
  return { name, url, named: true }
}

const readBranch = (g: Git): string | undefined => {
  const head = g.vfs.readText(`${g.repo().gitdir}/HEAD`).trim()
  return head.startsWith('ref: refs/heads/') ? head.slice(16) : undefined
}

/** Every ref under `refs/remotes/<remote>/` and `refs/tags/`, with its object id. */
export async function snapshotRefs(g: Git, remote: string): Promise<Map<string, string>> {
  const { gitdir } = g.repo()
  const out = new Map<string, string>()
  for (const b of await iso.listBranches({ fs: g.fs, gitdir, remote })) {
    if (b === 'HEAD') continue
    try {
      out.set(`refs/remotes/${remote}/${b}`, await iso.resolveRef({ fs: g.fs, gitdir, ref: `refs/remotes/${remote}/${b}` }))
    } catch {
      // dangling
    }
  }
  for (const t of await iso.listTags({ fs: g.fs, gitdir })) {
    out.set(`refs/tags/${t}`, await iso.resolveRef({ fs: g.fs, gitdir, ref: `refs/tags/${t}`, depth: 1 }))
  }
  return out
}

/** The `From <url>` block listing new and updated refs. */
export function fetchSummary(shownUrl: string, remote: string, before: Map<string, string>, after: Map<string, string>): string {
  const rows: Array<[string, string, string]> = []
  for (const [ref, oid] of after) {
    const old = before.get(ref)
    if (old === oid) continue
    const isTag = ref.startsWith('refs/tags/')
    const name = isTag ? ref.slice('refs/tags/'.length) : ref.slice(`refs/remotes/${remote}/`.length)
    const local = isTag ? name : `${remote}/${name}`
    if (old === undefined) rows.push([` * [new ${isTag ? 'tag' : 'branch'}]`, name, local])
    else rows.push([`   ${short(old)}..${short(oid)}`, name, local])
  }
  if (!rows.length) return ''
  const w1 = Math.max(...rows.map((r) => r[0].length))
  const w2 = Math.max(...rows.map((r) => r[1].length))
  return `From ${shownUrl}\n${rows.map(([a, b, c]) => `${a.padEnd(w1)} ${b.padEnd(w2)} -> ${c}\n`).join('')}`
}
