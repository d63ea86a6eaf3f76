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

const toStats = (s: FileStat): GitStats => ({
  type: s.type,
  mode: TYPE_BITS[s.type] | (s.mode & 0o7777),
  size: s.size,
  ino: s.ino,
  uid: s.uid,
  gid: s.gid,
  dev: 1,
  mtimeMs: s.mtimeMs,
  ctimeMs: s.ctimeMs,
  isFile: () => s.type === 'file',
  isDirectory: () => s.type === 'dir',
  isSymbolicLink: () => s.type === 'symlink',
})

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
}

/** Builds the adapter. Every call runs synchronously on the Vfs and resolves at once. */
export function createGitFs(vfs: Vfs, opts: GitFsOptions = {}): GitFs {
  const root = opts.root ? normalizePath(opts.root) : '/'
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
        const mode = typeof o === 'object' && o !== null && typeof o.mode === 'number' ? o.mode & 0o777 : undefined
        vfs.writeFile(p, data, mode === undefined ? {} : { mode })
        // writeFile keeps the mode of an existing file; git's executable bit must follow.
        if (mode !== undefined && (vfs.lstat(p).mode & 0o777) !== mode) vfs.chmod(p, mode)
      }),
    mkdir: (path) => call(path, 'mkdir', (p) => vfs.mkdir(p)),
    rmdir: (path) => call(path, 'rmdir', (p) => vfs.rmdir(p)),
    rm: (path, o) => call(path, 'rm', (p) => vfs.rm(p, { recursive: o?.recursive ?? false, force: o?.force ?? false })),
    unlink: (path) => call(path, 'unlink', (p) => vfs.unlink(p)),
    stat: (path) => call(path, 'stat', (p) => toStats(vfs.stat(p))),
    lstat: (path) => call(path, 'lstat', (p) => toStats(vfs.lstat(p))),
    readdir: (path) => call(path, 'scandir', (p) => vfs.readdir(p).map((e) => e.name)),
    readlink: (path, o) =>
      call(path, 'readlink', (p) => {
        const target = vfs.readlink(p)
        return encodingOf(o) === 'buffer' ? Buffer.from(target) : target
      }),
    symlink: (target, path) => call(path, 'symlink', (p) => vfs.symlink(target, p)),
    chmod: (path, mode) => call(path, 'chmod', (p) => vfs.chmod(p, mode & 0o7777)),
  }
  return { promises }
}
