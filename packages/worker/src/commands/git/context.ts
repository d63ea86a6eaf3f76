/**
 * What every git subcommand works with: the sandbox filesystem behind isomorphic-git's
 * fs adapter, the HTTP client, output streams that mask secrets, repository discovery,
 * config lookup (repository, then `~/.gitconfig`) and the author identity.
 */
import { baseName, normalizePath, resolvePath } from '../lib/path.js'
import type { CommandContext } from '../types.js'
import type { Vfs } from '../../vfs/types.js'
import { getValue } from './config-file.js'
import { maskSecrets } from './credentials.js'
import { GitError, fatal } from './errors.js'
import { createGitFs, watchedVfs, type GitFs } from './fs-adapter.js'
import { createHttpClient, type GitHttpClient } from './http.js'

export interface Repo {
  /** Worktree root. */
  dir: string
  gitdir: string
}

export interface Identity {
  name: string
  email: string
  timestamp: number
  timezoneOffset: number
}

export class Git {
  readonly vfs: Vfs
  readonly fs: GitFs
  readonly http: GitHttpClient
  readonly home: string
  /** Strings that must never reach the output (tokens, passwords). */
  readonly secrets: string[] = []
  cwd: string
  /** `git -c key=value` settings, as config text; they win over every file. */
  configOverrides = ''
  #repo: Repo | undefined | null = null

  constructor(readonly ctx: CommandContext) {
    this.fs = createGitFs(ctx.fs)
    // Changes made here directly must drop the adapter's cached stats.
    this.vfs = watchedVfs(ctx.fs, () => this.fs.invalidate())
    this.http = createHttpClient(ctx.fetch, ctx.signal)
    this.home = ctx.env.get('HOME') || '/home/user'
    this.cwd = ctx.cwd
    for (const name of ['GIT_TOKEN', 'GITHUB_TOKEN']) {
      const v = ctx.env.get(name)
      if (v) this.secrets.push(v)
    }
  }

  async out(text: string): Promise<void> {
    await this.ctx.stdout.write(maskSecrets(text, this.secrets))
  }

  async err(text: string): Promise<void> {
    await this.ctx.stderr.write(maskSecrets(text, this.secrets))
  }

  /** Set by `-q`: progress and informational messages are not printed. */
  quiet = false

  /** An informational message on stderr (silenced by `-q`). */
  async info(text: string): Promise<void> {
    if (!this.quiet) await this.err(text)
  }

  /** `rm -rf` that is quiet about anything missing, parents included. */
  removePath(path: string): void {
    if (this.vfs.exists(path) || this.#isLink(path)) this.vfs.rm(path, { recursive: true, force: true })
  }

  #isLink(path: string): boolean {
    try {
      return this.vfs.lstat(path).type === 'symlink'
    } catch {
      return false
    }
  }

  /** Absolute path for a user-given path, relative to the current directory. */
  resolve(p: string): string {
    return resolvePath(this.cwd, p)
  }

  /** Changes the working directory (`git -C`). */
  chdir(p: string): void {
    const abs = this.resolve(p)
    if (!this.vfs.exists(abs) || this.vfs.stat(abs).type !== 'dir') throw fatal(`cannot change to '${p}': No such file or directory`)
    this.cwd = abs
    this.#repo = null
  }

  /** The enclosing repository, found by walking up from the current directory. */
  findRepo(): Repo | undefined {
    if (this.#repo !== null) return this.#repo
    let dir = this.cwd
    for (;;) {
      const gitdir = dir === '/' ? '/.git' : `${dir}/.git`
      if (this.vfs.exists(`${gitdir}/HEAD`)) {
        this.#repo = { dir, gitdir }
        return this.#repo
      }
      if (dir === '/') break
      dir = dir.slice(0, dir.lastIndexOf('/')) || '/'
    }
    this.#repo = undefined
    return undefined
  }

  repo(): Repo {
    const r = this.findRepo()
    if (!r) throw fatal('not a git repository (or any of the parent directories): .git')
    return r
  }

  /** Forget the cached repository (after init or clone). */
  forgetRepo(): void {
    this.#repo = null
  }

  /** A repository-relative path for a user path; refuses paths outside the worktree. */
  repoPath(p: string): string {
    const { dir } = this.repo()
    const abs = this.resolve(p)
    if (abs === dir) return '.'
    if (dir !== '/' && !abs.startsWith(`${dir}/`)) throw fatal(`'${p}' is outside repository at '${dir}'`)
    const rel = dir === '/' ? abs.slice(1) : abs.slice(dir.length + 1)
    if (rel === '.git' || rel.startsWith('.git/')) throw fatal(`'${p}' is inside the repository's .git directory`)
    return rel
  }

  /** The current directory relative to the worktree root ('' at the root). */
  prefix(): string {
    const { dir } = this.repo()
    return this.cwd === dir ? '' : this.cwd.slice(dir === '/' ? 1 : dir.length + 1)
  }

  /** Shows a repository path relative to the current directory, as git does. */
  display(repoPath: string): string {
    const { dir } = this.repo()
    const abs = normalizePath(`${dir}/${repoPath}`)
    if (this.cwd === dir) return repoPath
    const from = this.cwd.split('/').filter(Boolean)
    const to = abs.split('/').filter(Boolean)
    let i = 0
    while (i < from.length && i < to.length && from[i] === to[i]) i++
    return [...from.slice(i).map(() => '..'), ...to.slice(i)].join('/') || '.'
  }

  configPath(scope: 'repo' | 'global'): string {
    return scope === 'global' ? `${this.home}/.gitconfig` : `${this.repo().gitdir}/config`
  }

  readConfig(scope: 'repo' | 'global'): string {
    if (scope === 'repo' && !this.findRepo()) return ''
    const path = this.configPath(scope)
    return this.vfs.exists(path) ? this.vfs.readText(path) : ''
  }

  writeConfig(scope: 'repo' | 'global', text: string): void {
    this.vfs.writeFile(this.configPath(scope), text)
  }

  /** A config value: the repository's, else the global one. */
  config(key: string): string | undefined {
    return getValue(this.configOverrides, key) ?? getValue(this.readConfig('repo'), key) ?? getValue(this.readConfig('global'), key)
  }

  /** Author/committer from config and GIT_AUTHOR_* env, or git's own complaint. */
  identity(kind: 'author' | 'committer' = 'author'): Identity {
    const env = this.ctx.env
    const upper = kind.toUpperCase()
    const name = env.get(`GIT_${upper}_NAME`) || this.config('user.name')
    const email = env.get(`GIT_${upper}_EMAIL`) || this.config('user.email')
    if (!name || !email) {
      const user = env.get('USER') || 'user'
      throw new GitError(
        'Author identity unknown\n\n*** Please tell me who you are.\n\nRun\n\n' +
          '  git config --global user.email "you@example.com"\n  git config --global user.name "Your Name"\n\n' +
          "to set your account's default identity.\nOmit --global to set the identity only in this repository.\n\n" +
          (!email ? `fatal: unable to auto-detect email address (got '${user}@nimbus.(none)')` : `fatal: empty ident name (for <${email}>) not allowed`),
        128,
      )
    }
    const now = Date.now()
    return { name, email, timestamp: Math.floor(now / 1000), timezoneOffset: new Date(now).getTimezoneOffset() }
  }

  /** The short name of the current branch, or undefined when HEAD is detached. */
  async currentBranch(): Promise<string | undefined> {
    const head = this.vfs.readText(`${this.repo().gitdir}/HEAD`).trim()
    return head.startsWith('ref: refs/heads/') ? head.slice('ref: refs/heads/'.length) : undefined
  }

  /** Name of the folder a URL clones into (`…/foo.git` → `foo`). */
  static humanishName(url: string): string {
    const trimmed = url.replace(/[?#].*$/, '').replace(/\/+$/, '').replace(/\/\.git$/, '')
    return baseName(trimmed).replace(/\.git$/, '') || 'repo'
  }
}
