/** `git mv`: rename a tracked file or folder in the working tree and the index. */
import * as iso from 'isomorphic-git'
import { baseName } from '../lib/path.js'
import { GitError, fatal } from './errors.js'
import { defineGitCommand } from './define.js'

export default defineGitCommand({
  name: 'mv',
  usage: 'git mv [-f] [-k] <source>... <destination>',
  summary: 'Move or rename a file, a directory, or a symlink',
  flags: {
    force: { type: 'boolean', short: 'f', description: 'force move/rename even if target exists' },
  },
  async run(g, { args, flags }) {
    const { dir, gitdir } = g.repo()
    if (args.length < 2) throw new GitError('usage: git mv [<options>] <source>... <destination>', 129)
    const destArg = args[args.length - 1] as string
    const sources = args.slice(0, -1)
    const dest = g.repoPath(destArg)
    const destAbs = `${dir}/${dest}`
    const destIsDir = g.vfs.exists(destAbs) && g.vfs.stat(destAbs).type === 'dir'
    if (sources.length > 1 && !destIsDir) throw fatal(`destination '${destArg}' is not a directory`)
    const tracked = await iso.listFiles({ fs: g.fs, dir, gitdir })
    for (const srcArg of sources) {
      const src = g.repoPath(srcArg)
      const files = tracked.filter((f) => f === src || f.startsWith(`${src}/`))
      if (!g.vfs.exists(`${dir}/${src}`)) throw fatal(`bad source, source=${src}, destination=${dest}`)
      if (!files.length) throw fatal(`not under version control, source=${src}, destination=${dest}`)
      const target = destIsDir ? `${dest === '.' ? '' : `${dest}/`}${baseName(src)}` : dest
      const targetAbs = `${dir}/${target}`
      if (g.vfs.exists(targetAbs) && !flags.force) throw fatal(`destination exists, source=${src}, destination=${target}`)
      g.vfs.mkdir(targetAbs.slice(0, targetAbs.lastIndexOf('/')), { recursive: true })
      g.vfs.rename(`${dir}/${src}`, targetAbs)
      for (const f of files) {
        const moved = `${target}${f.slice(src.length)}`
        await iso.remove({ fs: g.fs, dir, gitdir, filepath: f })
        await iso.add({ fs: g.fs, dir, gitdir, filepath: moved })
      }
    }
    return 0
  },
})
