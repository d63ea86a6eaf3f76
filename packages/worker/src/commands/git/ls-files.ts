/** `git ls-files`: the paths in the index, relative to the current directory. */
import * as iso from 'isomorphic-git'
import { defineGitCommand } from './define.js'

export default defineGitCommand({
  name: 'ls-files',
  usage: 'git ls-files [--] [<path>...]',
  summary: 'Show information about files in the index and the working tree',
  async run(g, { args }) {
    const { dir, gitdir } = g.repo()
    const specs = args.map((p) => g.repoPath(p))
    const prefix = g.prefix()
    const files = (await iso.listFiles({ fs: g.fs, dir, gitdir })).filter(
      (f) => (!prefix || f.startsWith(`${prefix}/`)) && (specs.length === 0 || specs.some((s) => s === '.' || f === s || f.startsWith(`${s}/`))),
    )
    await g.out(files.map((f) => `${g.display(f)}\n`).join(''))
    return 0
  },
})
