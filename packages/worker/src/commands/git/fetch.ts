/** `git fetch`: download objects and refs from a remote into `refs/remotes/<name>/`. */
import * as iso from 'isomorphic-git'
import type { Git } from './context.js'
import { defineGitCommand } from './define.js'
import { fetchSummary, remoteTarget, snapshotRefs } from './remotes.js'
import { openTransport } from './transport.js'

export interface FetchOptions {
  remote?: string
  ref?: string
  depth?: number
  prune?: boolean
  tags?: boolean
  quiet?: boolean
}

/** Fetches and prints git's summary; returns the remote used. */
export async function runFetch(g: Git, o: FetchOptions): Promise<{ name: string; url: string }> {
  const { dir, gitdir } = g.repo()
  const target = remoteTarget(g, o.remote)
  const transport = openTransport(g, target.url, { progress: !o.quiet })
  const before = target.named ? await snapshotRefs(g, target.name) : new Map<string, string>()
  try {
    await iso.fetch({
      ...transport.args,
      fs: g.fs,
      dir,
      gitdir,
      ...(target.named ? { remote: target.name } : {}),
      ...(o.ref ? { ref: o.ref, singleBranch: true } : {}),
      ...(o.depth !== undefined ? { depth: o.depth } : {}),
      ...(o.prune ? { prune: true } : {}),
      tags: o.tags ?? true,
      cache: {},
    })
  } catch (e) {
    await transport.done()
    throw transport.fail(e)
  }
  await transport.done()
  if (target.named && !o.quiet) {
    const after = await snapshotRefs(g, target.name)
    await g.err(fetchSummary(transport.shown, target.name, before, after))
  }
  return { name: target.name, url: target.url }
}

export default defineGitCommand({
  name: 'fetch',
  usage: 'git fetch [<options>] [<repository> [<refspec>]]',
  summary: 'Download objects and refs from another repository',
  flags: {
    quiet: { type: 'boolean', short: 'q', description: 'be more quiet' },
    depth: { type: 'number', arg: 'depth', description: 'deepen history of shallow clone' },
    prune: { type: 'boolean', short: 'p', description: 'prune remote-tracking branches no longer on remote' },
    tags: { type: 'boolean', short: 't', description: 'fetch all tags and associated objects' },
    'no-tags': { type: 'boolean', short: 'n', description: 'do not fetch any tag' },
  },
  async run(g, { args, flags }) {
    await runFetch(g, {
      ...(args[0] !== undefined ? { remote: args[0] } : {}),
      ...(args[1] !== undefined ? { ref: args[1] } : {}),
      ...(flags.depth !== undefined ? { depth: flags.depth } : {}),
      prune: flags.prune,
      tags: !flags['no-tags'],
      quiet: flags.quiet,
    })
    return 0
  },
})
