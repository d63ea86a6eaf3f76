/**
 * `git clone` over smart HTTP. The clone is built in a hidden sibling folder and renamed
 * into place only once it is complete, so an interrupted or failed clone never leaves a
 * folder that looks like a finished repository.
 */
import * as iso from 'isomorphic-git'
import { baseName, dirName } from '../lib/path.js'
import { Git } from './context.js'
import { fatal } from './errors.js'
import { createGitFs } from './fs-adapter.js'
import { setValue } from './config-file.js'
import { defineGitCommand } from './define.js'
import { openTransport } from './transport.js'

export default defineGitCommand({
  name: 'clone',
  usage: 'git clone [<options>] [--] <repo> [<dir>]',
  summary: 'Clone a repository into a new directory',
  flags: {
    quiet: { type: 'boolean', short: 'q', description: 'be quiet' },
    progress: { type: 'boolean', description: 'force progress reporting' },
    depth: { type: 'number', arg: 'depth', description: 'create a shallow clone of that depth' },
    branch: { type: 'string', short: 'b', arg: 'branch', description: 'checkout <branch> instead of the remote\'s HEAD' },
    'single-branch': { type: 'boolean', description: 'clone only one branch, HEAD or --branch' },
    'no-single-branch': { type: 'boolean', description: 'clone all branches (default unless --depth)' },
    'no-tags': { type: 'boolean', description: "don't clone any tags, and make later fetches not to follow them" },
    'no-checkout': { type: 'boolean', short: 'n', description: "don't create a checkout" },
    origin: { type: 'string', short: 'o', arg: 'name', description: "use <name> instead of 'origin' to track upstream" },
  },
  async run(g, { args, flags }) {
    const [url, target] = args
    if (url === undefined) {
      await g.err('fatal: You must specify a repository to clone.\n\nusage: git clone [<options>] [--] <repo> [<dir>]\n')
      return 129
    }
    if (flags.depth !== undefined && (!Number.isInteger(flags.depth) || flags.depth < 1)) throw fatal(`depth ${flags.depth} is not a positive number`)
    const name = target ?? Git.humanishName(url)
    const dest = g.resolve(name)
    if (dest === '/') throw fatal("destination path '/' already exists and is not an empty directory.")
    if (g.vfs.exists(dest) && (g.vfs.stat(dest).type !== 'dir' || g.vfs.readdir(dest).length > 0)) {
      throw fatal(`destination path '${name}' already exists and is not an empty directory.`)
    }
    const parent = dirName(dest)
    if (!g.vfs.exists(parent)) g.vfs.mkdir(parent, { recursive: true })
    const transport = openTransport(g, url, { progress: !flags.quiet })
    // Build beside the destination (same folder, so the final rename is one step).
    const tmp = `${parent === '/' ? '' : parent}/.${baseName(dest)}.clone-${Date.now().toString(36)}${Math.random().toString(36).slice(2, 8)}`
    // Leftovers of a clone that was cut off (the sandbox restarted mid-transfer).
    const stale = `.${baseName(dest)}.clone-`
    for (const e of g.vfs.readdir(parent)) if (e.name.startsWith(stale)) g.removePath(`${parent === '/' ? '' : parent}/${e.name}`)
    if (!flags.quiet) await g.err(`Cloning into '${name}'...\n`)
    g.vfs.mkdir(tmp)
    try {
      const singleBranch = flags['single-branch'] || (flags.depth !== undefined && !flags['no-single-branch'])
      await iso.clone({
        ...transport.args,
        // Confined to the clone folder: tree entries cannot write anywhere else.
        fs: createGitFs(g.vfs, { root: tmp }),
        dir: tmp,
        remote: flags.origin || 'origin',
        singleBranch,
        noTags: flags['no-tags'],
        noCheckout: flags['no-checkout'],
        cache: {},
        ...(flags.depth !== undefined ? { depth: flags.depth } : {}),
        ...(flags.branch ? { ref: flags.branch } : {}),
      })
      if (g.ctx.signal.aborted) throw fatal('the operation was interrupted')
      await transport.done()
      // Keep the URL as given, so later fetches and pushes reuse its credentials (as git does).
      if (url !== transport.args.url) {
        const cfg = `${tmp}/.git/config`
        g.vfs.writeFile(cfg, setValue(g.vfs.readText(cfg), `remote.${flags.origin || 'origin'}.url`, url))
      }
      if (g.vfs.exists(dest)) g.vfs.rmdir(dest)
      g.vfs.rename(tmp, dest)
    } catch (e) {
      g.removePath(tmp)
      await transport.done()
      const code = (e as { code?: unknown }).code
      if (code === 'NotFoundError' && flags.branch) throw fatal(`Remote branch ${flags.branch} not found in upstream origin`)
      throw transport.fail(e)
    }
    g.forgetRepo()
    const empty = await iso.resolveRef({ fs: g.fs, gitdir: `${dest}/.git`, ref: 'HEAD' }).then(
      () => false,
      () => true,
    )
    if (empty) {
      // Nothing told us the remote's default branch: use the one `git init` would.
      const branch = flags.branch || g.config('init.defaultbranch') || 'main'
      g.vfs.writeFile(`${dest}/.git/HEAD`, `ref: refs/heads/${branch}\n`)
      if (!flags.quiet) await g.err('warning: You appear to have cloned an empty repository.\n')
    }
    return 0
  },
})
