/** `git branch`: list, create, delete (`-d`/`-D`) and rename (`-m`) branches. */
import * as iso from 'isomorphic-git'
import { removeSection, setValue } from './config-file.js'
import type { Git } from './context.js'
import { GitError, fatal } from './errors.js'
import { defineGitCommand } from './define.js'
import { hasHead, resolveCommit, short } from './revisions.js'

/** Validates a new branch name the way `git check-ref-format --branch` does. */
export function checkBranchName(name: string): void {
  const bad = !name || name.startsWith('-') || name.startsWith('/') || name.endsWith('/') || name.endsWith('.') || name.endsWith('.lock') ||
    name.includes('..') || name.includes('//') || name.includes('@{') || /[\s~^:?*[\\\x00-\x1f\x7f]/.test(name) || name === '@'
  if (bad) throw fatal(`'${name}' is not a valid branch name`)
}

/** Creates `name` at `start` (HEAD by default); git's errors for existing names. */
export async function createBranch(g: Git, name: string, start: string | undefined, force = false): Promise<string> {
  const { gitdir } = g.repo()
  checkBranchName(name)
  if (!force && g.vfs.exists(`${gitdir}/refs/heads/${name}`)) throw fatal(`a branch named '${name}' already exists`)
  if (!start && !(await hasHead(g))) throw fatal(`not a valid object name: '${(await g.currentBranch()) ?? 'HEAD'}'`)
  const oid = await resolveCommit(g, start ?? 'HEAD')
  await iso.writeRef({ fs: g.fs, gitdir, ref: `refs/heads/${name}`, value: oid, force: true })
  // Starting from a remote-tracking branch sets up tracking, as git does by default.
  const m = start ? /^(?:refs\/remotes\/)?([^/]+)\/(.+)$/.exec(start) : null
  if (m && g.vfs.exists(`${gitdir}/refs/remotes/${m[1]}/${m[2]}`) ) {
    let text = g.readConfig('repo')
    text = setValue(text, `branch.${name}.remote`, m[1] as string)
    text = setValue(text, `branch.${name}.merge`, `refs/heads/${m[2]}`)
    g.writeConfig('repo', text)
    await g.out(`branch '${name}' set up to track '${m[1]}/${m[2]}'.\n`)
  }
  return oid
}

export default defineGitCommand({
  name: 'branch',
  usage: 'git branch [-a | -r] [--list]\ngit branch <branchname> [<start-point>]\ngit branch (-d | -D) <branchname>...\ngit branch (-m | -M) [<oldbranch>] <newbranch>',
  summary: 'List, create, or delete branches',
  flags: {
    delete: { type: 'boolean', short: 'd', description: 'delete fully merged branch' },
    D: { type: 'boolean', description: 'delete branch (even if not merged)' },
    move: { type: 'boolean', short: 'm', description: 'move/rename a branch' },
    all: { type: 'boolean', short: 'a', description: 'list both remote-tracking and local branches' },
    remotes: { type: 'boolean', short: 'r', description: 'act on remote-tracking branches' },
    list: { type: 'boolean', description: 'list branch names' },
    force: { type: 'boolean', short: 'f', description: 'force creation, move/rename, deletion' },
    'show-current': { type: 'boolean', description: 'show current branch name' },
    'set-upstream-to': { type: 'string', short: 'u', arg: 'upstream', description: 'change the upstream info' },
    'unset-upstream': { type: 'boolean', description: 'unset the upstream info' },
  },
  async run(g, { args, flags }) {
    const { gitdir } = g.repo()
    const current = await g.currentBranch()
    if (flags['show-current']) {
      if (current) await g.out(`${current}\n`)
      return 0
    }
    if (flags['set-upstream-to'] !== undefined || flags['unset-upstream']) {
      const name = args[0] ?? current
      if (!name) throw fatal('could not set upstream of HEAD when it does not point to any branch.')
      let text = g.readConfig('repo')
      if (flags['unset-upstream']) {
        text = removeSection(text, 'branch', name).text
        g.writeConfig('repo', text)
        return 0
      }
      const up = flags['set-upstream-to'] as string
      const slash = up.indexOf('/')
      const remote = slash === -1 ? '' : up.slice(0, slash)
      const branchName = up.slice(slash + 1)
      if (!remote || !g.vfs.exists(`${gitdir}/refs/remotes/${up}`)) {
        throw fatal(`the requested upstream branch '${up}' does not exist`)
      }
      text = setValue(text, `branch.${name}.remote`, remote)
      text = setValue(text, `branch.${name}.merge`, `refs/heads/${branchName}`)
      g.writeConfig('repo', text)
      await g.out(`branch '${name}' set up to track '${up}'.\n`)
      return 0
    }
    if (flags.delete || flags.D) {
      if (!args.length) throw fatal('branch name required')
      let status = 0
      for (const name of args) {
        if (flags.remotes) {
          const ref = `refs/remotes/${name}`
          if (!g.vfs.exists(`${gitdir}/${ref}`)) {
            await g.err(`error: remote-tracking branch '${name}' not found.\n`)
            status = 1
            continue
          }
          const oid = await iso.resolveRef({ fs: g.fs, gitdir, ref })
          await iso.deleteRef({ fs: g.fs, gitdir, ref })
          await g.out(`Deleted remote-tracking branch ${name} (was ${short(oid)}).\n`)
          continue
        }
        let oid: string
        try {
          oid = await iso.resolveRef({ fs: g.fs, gitdir, ref: `refs/heads/${name}` })
        } catch {
          await g.err(`error: branch '${name}' not found.\n`)
          status = 1
          continue
        }
        if (name === current) {
          await g.err(`error: cannot delete branch '${name}' used by worktree at '${g.repo().dir}'\n`)
          status = 1
          continue
        }
        if (!flags.D && !flags.force) {
          const head = await iso.resolveRef({ fs: g.fs, gitdir, ref: 'HEAD' })
          const merged = oid === head || (await iso.isDescendent({ fs: g.fs, gitdir, oid: head, ancestor: oid, depth: -1 }))
          if (!merged) {
            await g.err(`error: the branch '${name}' is not fully merged.\nIf you are sure you want to delete it, run 'git branch -D ${name}'.\n`)
            status = 1
            continue
          }
        }
        await iso.deleteBranch({ fs: g.fs, gitdir, ref: name })
        await g.out(`Deleted branch ${name} (was ${short(oid)}).\n`)
      }
      return status
    }
    if (flags.move) {
      const [a, b] = args
      const oldName = b === undefined ? current : a
      const newName = b ?? a
      if (!oldName || !newName) throw fatal('branch name required')
      checkBranchName(newName)
      if (!g.vfs.exists(`${gitdir}/refs/heads/${oldName}`) && oldName !== current) throw new GitError(`error: refname refs/heads/${oldName} not found\nfatal: Branch rename failed`, 128)
      if (!flags.force && g.vfs.exists(`${gitdir}/refs/heads/${newName}`)) throw fatal(`a branch named '${newName}' already exists`)
      await iso.renameBranch({ fs: g.fs, gitdir, oldref: oldName, ref: newName, checkout: oldName === current })
      return 0
    }
    if (args.length && !flags.list) {
      await createBranch(g, args[0] as string, args[1], flags.force)
      return 0
    }
    const lines: string[] = []
    if (!flags.remotes) {
      const names = (await iso.listBranches({ fs: g.fs, gitdir })).sort()
      if (current && !names.includes(current) && (await hasHead(g))) names.push(current)
      if (!current && (await hasHead(g))) lines.push(`* (HEAD detached at ${short(await resolveCommit(g, 'HEAD'))})`)
      for (const n of names) lines.push(`${n === current ? '*' : ' '} ${n}`)
    }
    if (flags.all || flags.remotes) {
      for (const r of await iso.listRemotes({ fs: g.fs, gitdir })) {
        for (const b of (await iso.listBranches({ fs: g.fs, gitdir, remote: r.remote })).sort()) {
          let line = `  ${flags.all ? 'remotes/' : ''}${r.remote}/${b}`
          if (b === 'HEAD') {
            const headFile = `${gitdir}/refs/remotes/${r.remote}/HEAD`
            const target = g.vfs.exists(headFile) ? g.vfs.readText(headFile).trim() : ''
            if (target.startsWith('ref: ')) line += ` -> ${target.replace(/^ref: refs\/remotes\//, '')}`
          }
          lines.push(line)
        }
      }
    }
    if (args.length && flags.list) {
      const keep = lines.filter((l) => args.some((p) => l.slice(2) === p))
      await g.out(keep.map((l) => `${l}\n`).join(''))
      return 0
    }
    await g.out(lines.map((l) => `${l}\n`).join(''))
    return 0
  },
})
