/** `git push`: send a branch (or tag) to a remote; `-u` records it as the upstream. */
import * as iso from 'isomorphic-git'
import { setValue } from './config-file.js'
import { GitError, fatal, isoCode } from './errors.js'
import { defineGitCommand } from './define.js'
import { remoteTarget } from './remotes.js'
import { short } from './revisions.js'
import { openTransport } from './transport.js'

export default defineGitCommand({
  name: 'push',
  usage: 'git push [-u | --set-upstream] [-f | --force] [--delete] [<repository> [<refspec>...]]',
  summary: 'Update remote refs along with associated objects',
  flags: {
    'set-upstream': { type: 'boolean', short: 'u', description: 'set upstream for git pull/status' },
    force: { type: 'boolean', short: 'f', description: 'force updates' },
    delete: { type: 'boolean', short: 'd', description: 'delete refs' },
    quiet: { type: 'boolean', short: 'q', description: 'be more quiet' },
  },
  async run(g, { args, flags }) {
    const { dir, gitdir } = g.repo()
    const branch = await g.currentBranch()
    const [remoteArg, ...refspecs] = args
    const target = remoteTarget(g, remoteArg)
    let specs = refspecs
    if (!specs.length) {
      if (!branch) throw fatal('You are not currently on a branch.\nTo push the history leading to the current (detached HEAD)\nstate now, use\n\n    git push <remote> HEAD:<name-of-remote-branch>\n')
      const merge = g.config(`branch.${branch}.merge`)
      const upstreamRemote = g.config(`branch.${branch}.remote`)
      if (merge && (upstreamRemote === target.name || !remoteArg)) specs = [`${branch}:${merge.replace(/^refs\/heads\//, '')}`]
      else if (flags['set-upstream'] || remoteArg) specs = [branch]
      else {
        throw new GitError(
          `fatal: The current branch ${branch} has no upstream branch.\nTo push the current branch and set the remote as upstream, use\n\n    git push --set-upstream ${target.name} ${branch}\n`,
          128,
        )
      }
    }
    const transport = openTransport(g, target.url, { progress: !flags.quiet })
    const lines: string[] = []
    let failed = false
    for (const spec of specs) {
      const force = flags.force || spec.startsWith('+')
      const clean = spec.replace(/^\+/, '')
      const colon = clean.indexOf(':')
      const local = colon === -1 ? clean : clean.slice(0, colon)
      const remoteRef = colon === -1 ? clean : clean.slice(colon + 1)
      const ref = local === 'HEAD' ? (branch ?? 'HEAD') : local
      const isTag = g.vfs.exists(`${gitdir}/refs/tags/${ref}`) && !g.vfs.exists(`${gitdir}/refs/heads/${ref}`)
      const trackRef = `refs/remotes/${target.name}/${remoteRef}`
      let before: string | undefined
      try {
        before = target.named && !isTag ? await iso.resolveRef({ fs: g.fs, gitdir, ref: trackRef }) : undefined
      } catch {
        before = undefined
      }
      let localOid: string | undefined
      if (!flags.delete) {
        try {
          localOid = await iso.resolveRef({ fs: g.fs, gitdir, ref: isTag ? `refs/tags/${ref}` : ref })
        } catch {
          throw new GitError(`error: src refspec ${local} does not match any\nerror: failed to push some refs to '${transport.shown}'`, 1)
        }
      }
      try {
        const result = await iso.push({
          ...transport.args,
          fs: g.fs,
          dir,
          gitdir,
          ...(target.named ? { remote: target.name } : {}),
          ref: isTag ? `refs/tags/${ref}` : ref,
          remoteRef: isTag ? `refs/tags/${remoteRef}` : remoteRef,
          force,
          delete: flags.delete,
        })
        const refResult = Object.values(result.refs ?? {})[0] as { ok: boolean; error?: string } | undefined
        if (!result.ok || (refResult && !refResult.ok)) {
          lines.push(` ! [remote rejected] ${ref} -> ${remoteRef} (${refResult?.error ?? result.error ?? 'rejected'})`)
          failed = true
          continue
        }
      } catch (e) {
        const code = isoCode(e)
        if (code === 'PushRejectedError') {
          const reason = (e as { data?: { reason?: string } }).data?.reason === 'tag-exists' ? 'already exists' : 'fetch first'
          lines.push(` ! [rejected]        ${ref} -> ${remoteRef} (${reason})`)
          failed = true
          continue
        }
        await transport.done()
        throw transport.fail(e)
      }
      if (flags.delete) lines.push(` - [deleted]         ${remoteRef}`)
      else if (before === undefined) lines.push(` * ${`[new ${isTag ? 'tag' : 'branch'}]`.padEnd(17)} ${ref} -> ${remoteRef}`)
      else if (before === localOid) lines.push(` = [up to date]      ${ref} -> ${remoteRef}`)
      else lines.push(`${force ? ' + ' : '   '}${short(before)}${force ? '...' : '..'}${short(localOid as string)}  ${ref} -> ${remoteRef}`)
      if (flags['set-upstream'] && target.named && !isTag && !flags.delete) {
        let text = g.readConfig('repo')
        text = setValue(text, `branch.${ref}.remote`, target.name)
        text = setValue(text, `branch.${ref}.merge`, `refs/heads/${remoteRef}`)
        g.writeConfig('repo', text)
      }
    }
    await transport.done()
    const upToDate = lines.every((l) => l.startsWith(' = '))
    if (upToDate && !failed) await g.err('Everything up-to-date\n')
    else await g.err(`To ${transport.shown}\n${lines.join('\n')}\n`)
    if (flags['set-upstream'] && !failed && target.named) {
      for (const spec of specs) {
        const local = spec.replace(/^\+/, '').split(':')[0] as string
        const remoteRef = spec.includes(':') ? (spec.split(':')[1] as string) : local
        if (g.vfs.exists(`${gitdir}/refs/heads/${local === 'HEAD' ? branch : local}`)) await g.out(`branch '${local}' set up to track '${target.name}/${remoteRef}'.\n`)
      }
    }
    if (failed) {
      await g.err(
        `error: failed to push some refs to '${transport.shown}'\n` +
          'hint: Updates were rejected because the remote contains work that you do not\nhint: have locally. Integrate the remote changes (e.g.\nhint: \'git pull ...\') before pushing again.\n',
      )
      return 1
    }
    return 0
  },
})
