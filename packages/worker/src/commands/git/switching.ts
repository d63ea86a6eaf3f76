/**
 * Moving HEAD between branches and commits, shared by `checkout` and `switch`: git's
 * messages for new, existing, remote-tracking and detached targets.
 */
import * as iso from 'isomorphic-git'
import { createBranch } from './branch.js'
import type { Git } from './context.js'
import { fatal } from './errors.js'
import { hasHead, resolveCommit, short, tryResolveCommit } from './revisions.js'

export async function branchExists(g: Git, name: string): Promise<boolean> {
  const { gitdir } = g.repo()
  try {
    await iso.resolveRef({ fs: g.fs, gitdir, ref: `refs/heads/${name}` })
    return true
  } catch {
    return false
  }
}

/** The single remote that has a branch `name`, for git's checkout "DWIM". */
async function remoteWithBranch(g: Git, name: string): Promise<string | undefined> {
  const { gitdir } = g.repo()
  const found: string[] = []
  for (const r of await iso.listRemotes({ fs: g.fs, gitdir })) {
    if ((await iso.listBranches({ fs: g.fs, gitdir, remote: r.remote })).includes(name)) found.push(r.remote)
  }
  return found.length === 1 ? found[0] : undefined
}

async function checkoutRef(g: Git, ref: string, force: boolean): Promise<void> {
  const { dir, gitdir } = g.repo()
  await iso.checkout({ fs: g.fs, dir, gitdir, ref, force, cache: {} })
}

/** Creates `name` at `start` and switches to it (`checkout -b` / `switch -c`). */
export async function switchToNew(g: Git, name: string, start: string | undefined, force: boolean): Promise<void> {
  const { gitdir } = g.repo()
  if (!(await hasHead(g)) && !start) {
    // A new repository: just point HEAD at the unborn branch.
    await iso.writeRef({ fs: g.fs, gitdir, ref: 'HEAD', value: `refs/heads/${name}`, symbolic: true, force: true })
    await g.info(`Switched to a new branch '${name}'\n`)
    return
  }
  const oid = await createBranch(g, name, start, force)
  const head = await resolveCommit(g, 'HEAD')
  if (oid !== head) await checkoutRef(g, name, force)
  await iso.writeRef({ fs: g.fs, gitdir, ref: 'HEAD', value: `refs/heads/${name}`, symbolic: true, force: true })
  await g.info(`Switched to a new branch '${name}'\n`)
}

/** Switches to an existing branch, a remote branch (creating a tracking branch) or a commit. */
export async function switchTo(g: Git, target: string, opts: { force: boolean; detach: boolean; allowDetach: boolean }): Promise<void> {
  const { gitdir } = g.repo()
  const current = await g.currentBranch()
  if (!opts.detach && (await branchExists(g, target))) {
    if (target === current) {
      await g.info(`Already on '${target}'\n`)
      return
    }
    await checkoutRef(g, target, opts.force)
    await g.info(`Switched to branch '${target}'\n`)
    return
  }
  if (!opts.detach) {
    const remote = await remoteWithBranch(g, target)
    if (remote) {
      await createBranch(g, target, `${remote}/${target}`)
      await checkoutRef(g, target, opts.force)
      await g.info(`Switched to a new branch '${target}'\n`)
      return
    }
  }
  const oid = await tryResolveCommit(g, target)
  if (!oid) throw fatal(`invalid reference: ${target}`)
  if (!opts.allowDetach && !opts.detach) throw fatal(`a branch is expected, got '${target}'\nhint: If you want to detach HEAD at the commit, try again with the --detach option.`)
  await checkoutRef(g, oid, opts.force)
  await iso.writeRef({ fs: g.fs, gitdir, ref: 'HEAD', value: oid, force: true })
  const { commit } = await iso.readCommit({ fs: g.fs, gitdir, oid })
  const subject = commit.message.split('\n')[0] ?? ''
  await g.info(
    `Note: switching to '${target}'.\n\nYou are in 'detached HEAD' state. You can look around, make experimental\n` +
      'changes and commit them, and you can discard any commits you make in this\nstate without impacting any branches by switching back to a branch.\n\n' +
      `HEAD is now at ${short(oid)} ${subject}\n`,
  )
}
