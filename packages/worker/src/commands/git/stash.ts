/** `git stash`: push (default), pop, apply, drop, list and clear. */
import * as iso from 'isomorphic-git'
import { setValue } from './config-file.js'
import type { Git } from './context.js'
import { GitError, isoCode } from './errors.js'
import { defineGitCommand } from './define.js'
import type { GitFs } from './fs-adapter.js'

/**
 * isomorphic-git's stash reads the identity from the repository config only; this view
 * of the filesystem adds the effective identity (global config included) to that file.
 */
function withIdentity(g: Git): GitFs {
  const { gitdir } = g.repo()
  const id = g.identity('committer')
  const configPath = `${gitdir}/config`
  const base = g.fs.promises
  return {
    invalidate: () => g.fs.invalidate(),
    promises: {
      ...base,
      readFile: async (path, opts) => {
        if (path.replace(/\/+/g, '/') !== configPath) return base.readFile(path, opts)
        const text = setValue(setValue(g.readConfig('repo'), 'user.name', id.name), 'user.email', id.email)
        return typeof opts === 'string' || (typeof opts === 'object' && opts?.encoding) ? text : new TextEncoder().encode(text)
      },
    },
  }
}

export default defineGitCommand({
  name: 'stash',
  usage: 'git stash [push [-m <message>]]\ngit stash pop|apply|drop [<stash>]\ngit stash list\ngit stash clear',
  summary: 'Stash the changes in a dirty working directory away',
  stopAtOperand: true,
  flags: {
    message: { type: 'string', short: 'm', arg: 'message', description: 'stash message' },
    quiet: { type: 'boolean', short: 'q', description: 'be quiet' },
  },
  async run(g, { args, flags }) {
    const { dir, gitdir } = g.repo()
    const [op = 'push', ...rest] = args
    let message = flags.message
    if (op === 'push' || op === 'save') {
      const m = rest.indexOf('-m')
      if (m !== -1) message = rest[m + 1]
      else if (op === 'save' && rest.length) message = rest.join(' ')
    }
    const idx = (): number => {
      const s = rest.find((a) => !a.startsWith('-'))
      if (!s) return 0
      const n = /^(?:stash@\{)?(\d+)\}?$/.exec(s)
      if (!n) throw new GitError(`error: ${s} is not a valid reference`, 1)
      return Number(n[1])
    }
    const count = async (): Promise<number> => ((await iso.stash({ fs: g.fs, dir, gitdir, op: 'list' })) as unknown as unknown[]).length
    switch (op) {
      case 'push':
      case 'save': {
        const fs = withIdentity(g)
        const branch = (await g.currentBranch()) ?? '(no branch)'
        try {
          await iso.stash({ fs, dir, gitdir, op: 'push', ...(message ? { message: `On ${branch}: ${message}` } : {}) })
        } catch (e) {
          if (isoCode(e) === 'NotFoundError') {
            await g.out('No local changes to save\n')
            return 0
          }
          throw e
        }
        const list = (await iso.stash({ fs: g.fs, dir, gitdir, op: 'list' })) as unknown as Array<{ message?: string } | string>
        const top = list[0]
        const text = typeof top === 'string' ? top : (top?.message ?? '')
        if (!flags.quiet) await g.out(`Saved working directory and index state ${text.replace(/^stash@\{0\}: /, '')}\n`)
        return 0
      }
      case 'list': {
        const list = (await iso.stash({ fs: g.fs, dir, gitdir, op: 'list' })) as unknown as Array<{ message?: string } | string>
        await g.out(list.map((e, i) => `stash@{${i}}: ${(typeof e === 'string' ? e : (e.message ?? '')).replace(/^stash@\{\d+\}: /, '')}\n`).join(''))
        return 0
      }
      case 'pop':
      case 'apply':
      case 'drop': {
        const n = idx()
        if (n >= (await count())) {
          throw new GitError(n === 0 ? 'No stash entries found.' : `error: stash@{${n}} is not a valid reference`, 1)
        }
        const stashOid = g.vfs.exists(`${gitdir}/refs/stash`) ? g.vfs.readText(`${gitdir}/refs/stash`).trim() : ''
        try {
          await iso.stash({ fs: withIdentity(g), dir, gitdir, op, refIdx: n })
        } catch (e) {
          if (isoCode(e) === 'MergeConflictError' || isoCode(e) === 'CheckoutConflictError') {
            throw new GitError('error: Your local changes would be overwritten by applying the stash.\nThe stash entry is kept in case you need it again.', 1)
          }
          throw e
        }
        if (op !== 'apply' && !flags.quiet) await g.out(`Dropped refs/stash@{${n}} (${n === 0 ? stashOid : 'stash entry'})\n`)
        return 0
      }
      case 'clear':
        await iso.stash({ fs: g.fs, dir, gitdir, op: 'clear' })
        return 0
      default:
        throw new GitError(`error: unknown subcommand: ${op}\nusage: git stash [push [-m <message>]]`, 129)
    }
  },
})
