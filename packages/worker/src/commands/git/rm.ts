/** `git rm`: remove files from the index and (unless `--cached`) the working tree. */
import * as iso from 'isomorphic-git'
import { GitError, fatal } from './errors.js'
import { defineGitCommand } from './define.js'
import { pathStates } from './worktree.js'

export default defineGitCommand({
  name: 'rm',
  usage: 'git rm [-f | --force] [-r] [--cached] [-q] [--] <pathspec>...',
  summary: 'Remove files from the working tree and from the index',
  flags: {
    cached: { type: 'boolean', description: 'only remove from the index' },
    force: { type: 'boolean', short: 'f', description: 'override the up-to-date check' },
    recursive: { type: 'boolean', short: 'r', description: 'allow recursive removal' },
    quiet: { type: 'boolean', short: 'q', description: 'do not list removed files' },
  },
  async run(g, { args, flags }) {
    const { dir, gitdir } = g.repo()
    if (!args.length) throw fatal('No pathspec was given. Which files should I remove?')
    const tracked = await iso.listFiles({ fs: g.fs, dir, gitdir })
    const targets: string[] = []
    for (const arg of args) {
      const spec = g.repoPath(arg)
      const hits = tracked.filter((f) => f === spec || spec === '.' || f.startsWith(`${spec}/`))
      if (!hits.length) throw fatal(`pathspec '${arg}' did not match any files`)
      if (hits.some((f) => f !== spec) && !flags.recursive) throw fatal(`not removing '${arg}' recursively without -r`)
      targets.push(...hits)
    }
    if (!flags.force) {
      const states = await pathStates(g, { paths: targets })
      const staged = states.filter((s) => s.x !== ' ' && s.x !== 'D' && s.head === 1 && !flags.cached && s.workdir !== 0)
      const local = states.filter((s) => s.y === 'M' && !flags.cached)
      if (local.length || staged.length) {
        const list = [...new Set([...local, ...staged].map((s) => s.path))]
        throw new GitError(
          `error: the following file${list.length === 1 ? ' has' : 's have'} local modifications:\n${list.map((p) => `    ${p}\n`).join('')}` +
            '(use --cached to keep the file, or -f to force removal)',
          1,
        )
      }
    }
    let out = ''
    for (const filepath of targets) {
      await iso.remove({ fs: g.fs, dir, gitdir, filepath })
      if (!flags.cached) g.removePath(`${dir}/${filepath}`)
      out += `rm '${filepath}'\n`
    }
    // Folders emptied by the removal go too, as git does.
    if (!flags.cached) {
      for (const filepath of targets) {
        let d = filepath.slice(0, Math.max(0, filepath.lastIndexOf('/')))
        while (d) {
          const abs = `${dir}/${d}`
          if (!g.vfs.exists(abs) || g.vfs.readdir(abs).length) break
          g.vfs.rmdir(abs)
          d = d.slice(0, Math.max(0, d.lastIndexOf('/')))
        }
      }
    }
    if (!flags.quiet) await g.out(out)
    return 0
  },
})
