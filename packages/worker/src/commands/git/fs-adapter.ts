/**
 * isomorphic-git's `fs` (the promises API it expects from Node) over the synchronous
 * sandbox Vfs. Errors carry Node's `code` strings, which is what isomorphic-git tests for,
 * and stats carry the full `st_mode` (type bits included) so its index comparisons work.
 *
 * The adapter can be confined to a root folder: any path that normalises outside it is
 * refused with EACCES, so a hostile tree entry (`../../etc/x`) cannot escape a worktree.
 */
import { normalizePath } from '../lib/path.js'
import { isVfsError, type FileStat, type Vfs } from '../../vfs/types.js'

/** A Node-shaped fs error: isomorphic-git reads `.code`. */
export class GitFsError extends Error {
  override readonly name = 'GitFsError'
  constructor(
    readonly code: string,
    readonly path: string,
    syscall: string,
  ) {
    super(`${code}: ${syscall} '${path}'`)
  }
}

const TYPE_BITS = { file: 0o100000, dir: 0o040000, symlink: 0o120000 } as const

/** The shape of Node's `fs.Stats` that isomorphic-git reads. */
export interface GitStats {
  type: 'file' | 'dir' | 'symlink'
  mode: number
  size: number
  ino: number
  uid: number
  gid: number
  dev: number
  mtimeMs: number
  ctimeMs: number
  isFile(): boolean
  isDirectory(): boolean
  isSymbolicLink(): boolean
}

class Stats implements GitStats {
  readonly type: FileStat['type']
  readonly mode: number
  readonly size: number
  readonly ino: number
  readonly uid: number
  readonly gid: number
  readonly dev = 1
  readonly mtimeMs: number
  readonly ctimeMs: number
  constructor(s: FileStat) {
    this.type = s.type
    this.mode = TYPE_BITS[s.type] | (s.mode & 0o7777)
    this.size = s.size
    this.ino = s.ino
    this.uid = s.uid
    this.gid = s.gid
    this.mtimeMs = s.mtimeMs
    this.ctimeMs = s.ctimeMs
  }
  isFile(): boolean {
    return this.type === 'file'
  }
  isDirectory(): boolean {
    return this.type === 'dir'
  }
  isSymbolicLink(): boolean {
    return this.type === 'symlink'
  }
}

type Encoding = string | { encoding?: string | null; mode?: number } | undefined

const encodingOf = (opts: Encoding): string | undefined =>
  typeof opts === 'string' ? opts : (opts?.encoding ?? undefined)

const decoder = new TextDecoder()

/** Bytes as a Buffer view without copying, so isomorphic-git's Buffer methods work. */
const asBuffer = (bytes: Uint8Array): Uint8Array => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)

export interface GitFsOptions {
  /** Refuse every path outside this folder (EACCES). Default: the whole sandbox. */
  root?: string
}

export interface GitFsPromises {
  readFile(path: string, opts?: Encoding): Promise<Uint8Array | string>
  writeFile(path: string, data: Uint8Array | string, opts?: Encoding): Promise<void>
  mkdir(path: string, opts?: unknown): Promise<void>
  rmdir(path: string): Promise<void>
  rm(path: string, opts?: { recursive?: boolean; force?: boolean }): Promise<void>
  unlink(path: string): Promise<void>
  stat(path: string): Promise<GitStats>
  lstat(path: string): Promise<GitStats>
  readdir(path: string): Promise<string[]>
  readlink(path: string, opts?: Encoding): Promise<Uint8Array | string>
  symlink(target: string, path: string): Promise<void>
  chmod(path: string, mode: number): Promise<void>
}

/** The object handed to isomorphic-git as `fs`. */
export interface GitFs {
  promises: GitFsPromises
  /** Forget cached stats (after changing files without going through the adapter). */
  invalidate(): void
}

const MUTATORS = new Set(['writeFile', 'writeAt', 'truncate', 'mkdir', 'rmdir', 'unlink', 'rm', 'rename', 'symlink', 'link', 'chmod', 'utimes'])

/** A view of `vfs` that calls `onChange` before every change, so caches stay true. */
export function watchedVfs(vfs: Vfs, onChange: () => void): Vfs {
  return new Proxy(vfs, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target)
      if (typeof value !== 'function') return value
      const fn = value as (...args: unknown[]) => unknown
      if (typeof prop === 'string' && MUTATORS.has(prop)) {
        return (...args: unknown[]) => {
          onChange()
          return fn.apply(target, args)
        }
      }
      return fn.bind(target)
    },
  })
}

/**
 * Builds the adapter. Every call runs synchronously on the Vfs and resolves at once.
 *
 * A git walk lists a folder and then stats every entry, and stats `.git/index` once per
 * file; `readdir` therefore fetches its entries' stats in the same query and keeps them,
 * with every other stat, until the next change made through this adapter. An adapter
 * lives for one git command, so the cache never outlives the command that filled it.
 */
export function createGitFs(vfs: Vfs, opts: GitFsOptions = {}): GitFs {
  const root = opts.root ? normalizePath(opts.root) : '/'
  const lstats = new Map<string, Stats>()
  const changed = <T>(v: T): T => {
    lstats.clear()
    return v
  }
  const lstatOf = (p: string): Stats => {
    let st = lstats.get(p)
    if (!st) {
      st = new Stats(vfs.lstat(p))
      lstats.set(p, st)
    }
    return st
  }
  const check = (path: string, syscall: string): string => {
    const p = normalizePath(path.startsWith('/') ? path : `/${path}`)
    if (root !== '/' && p !== root && !p.startsWith(`${root}/`)) throw new GitFsError('EACCES', path, syscall)
    return p
  }
  // Run `fn` on the Vfs and translate its errors into Node-shaped ones.
  const call = <T>(path: string, syscall: string, fn: (p: string) => T): Promise<T> => {
    try {
      return Promise.resolve(fn(check(path, syscall)))
    } catch (e) {
      if (isVfsError(e)) return Promise.reject(new GitFsError(e.code, path, syscall))
      return Promise.reject(e)
    }
  }
  const promises: GitFsPromises = {
    readFile: (path, o) =>
      call(path, 'open', (p) => {
        const bytes = vfs.readFile(p)
        return encodingOf(o) === 'utf8' ? decoder.decode(bytes) : asBuffer(bytes)
      }),
    writeFile: (path, data, o) =>
      call(path, 'open', (p) => {
        changed(0)
        const mode = typeof o === 'object' && o !== null && typeof o.mode === 'number' ? o.mode & 0o777 : undefined
        vfs.writeFile(p, data, mode === undefined ? {} : { mode })
        // writeFile keeps the mode of an existing file; git's executable bit must follow.
        if (mode !== undefined && (vfs.lstat(p).mode & 0o777) !== mode) vfs.chmod(p, mode)
      }),
    mkdir: (path) => call(path, 'mkdir', (p) => changed(vfs.mkdir(p))),
    rmdir: (path) => call(path, 'rmdir', (p) => changed(vfs.rmdir(p))),
    rm: (path, o) => call(path, 'rm', (p) => changed(vfs.rm(p, { recursive: o?.recursive ?? false, force: o?.force ?? false }))),
    unlink: (path) => call(path, 'unlink', (p) => changed(vfs.unlink(p))),
    stat: (path) =>
      call(path, 'stat', (p) => {
        const st = lstats.get(p)
        return st && st.type !== 'symlink' ? st : new Stats(vfs.stat(p))
      }),
    lstat: (path) => call(path, 'lstat', lstatOf),
    readdir: (path) =>
      call(path, 'scandir', (p) => {
        const prefix = p === '/' ? '/' : `${p}/`
        return vfs.readdirStats(p).map((e) => {
          lstats.set(`${prefix}${e.name}`, new Stats(e.stat))
          return e.name
        })
      }),
    readlink: (path, o) =>
      call(path, 'readlink', (p) => {
        const target = vfs.readlink(p)
        return encodingOf(o) === 'buffer' ? Buffer.from(target) : target
      }),
    symlink: (target, path) => call(path, 'symlink', (p) => changed(vfs.symlink(target, p))),
    chmod: (path, mode) => call(path, 'chmod', (p) => changed(vfs.chmod(p, mode & 0o7777))),
  }
  return { promises, invalidate: () => lstats.clear() }
}
