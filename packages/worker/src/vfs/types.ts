/**
 * The filesystem contract every sandbox component codes against. Synchronous on purpose:
 * the Durable Object's SQLite API is synchronous, so the shell can touch files without
 * awaiting, and a warm `echo > f` costs only its SQLite work.
 */

export type VfsCode =
  | 'ENOENT'
  | 'EEXIST'
  | 'ENOTDIR'
  | 'EISDIR'
  | 'ENOTEMPTY'
  | 'ELOOP'
  | 'EACCES'
  | 'EINVAL'
  | 'ENOSPC'
  | 'EBUSY'
  | 'ENAMETOOLONG'
  | 'EXDEV'
  | 'EPERM'

const messages: Record<VfsCode, string> = {
  ENOENT: 'No such file or directory',
  EEXIST: 'File exists',
  ENOTDIR: 'Not a directory',
  EISDIR: 'Is a directory',
  ENOTEMPTY: 'Directory not empty',
  ELOOP: 'Too many levels of symbolic links',
  EACCES: 'Permission denied',
  EINVAL: 'Invalid argument',
  ENOSPC: 'No space left on device',
  EBUSY: 'Device or resource busy',
  ENAMETOOLONG: 'File name too long',
  EXDEV: 'Invalid cross-device link',
  EPERM: 'Operation not permitted',
}

/** A POSIX-style failure with a stable `.code`; `.description` is what coreutils print. */
export class VfsError extends Error {
  override readonly name = 'VfsError'
  readonly description: string
  constructor(
    readonly code: VfsCode,
    readonly path: string,
    readonly syscall?: string,
  ) {
    super(`${code}: ${messages[code]}, ${syscall ? `${syscall} ` : ''}'${path}'`)
    this.description = messages[code]
  }
}

export const isVfsError = (e: unknown, code?: VfsCode): e is VfsError =>
  e instanceof VfsError && (code === undefined || e.code === code)

export type FileType = 'file' | 'dir' | 'symlink'

export interface FileStat {
  ino: number
  type: FileType
  /** Permission bits only (e.g. 0o644); the type is in `type`. */
  mode: number
  uid: number
  gid: number
  size: number
  nlink: number
  atimeMs: number
  mtimeMs: number
  ctimeMs: number
  /** Symlink target, for `lstat` of a symlink. */
  target?: string
}

export interface DirEntry {
  name: string
  type: FileType
  ino: number
}

export interface WriteOptions {
  /** Append to the end instead of replacing the content. */
  append?: boolean
  /** Permission bits for a newly created file (default 0o644). */
  mode?: number
  /** Fail with EEXIST when the file already exists. */
  exclusive?: boolean
  /** As O_NOFOLLOW: fail with ELOOP when the final component is a symlink. */
  noFollow?: boolean
}

export interface ReadOptions {
  /** As O_NOFOLLOW: fail with ELOOP when the final component is a symlink. */
  noFollow?: boolean
}

export interface MkdirOptions {
  recursive?: boolean
  mode?: number
}

export interface RmOptions {
  recursive?: boolean
  force?: boolean
}

export interface ByteRange {
  offset: number
  length: number
}

export interface VfsUsage {
  bytes: number
  quotaBytes: number
  inodes: number
}

export interface Vfs {
  /** Follows symlinks. Throws VfsError. */
  stat(path: string): FileStat
  /** Does not follow a final symlink. */
  lstat(path: string): FileStat
  exists(path: string): boolean
  /** Whole file, or only `range` (touching only the chunks it covers). */
  readFile(path: string, range?: ByteRange, opts?: ReadOptions): Uint8Array
  readText(path: string): string
  /** Returns the written file's stat. */
  writeFile(path: string, data: Uint8Array | string, opts?: WriteOptions): FileStat
  /** Write `data` at `offset`, growing the file (zero-filled) when needed. */
  writeAt(path: string, offset: number, data: Uint8Array): void
  truncate(path: string, size: number): void
  mkdir(path: string, opts?: MkdirOptions): void
  readdir(path: string): DirEntry[]
  /** Entries with their `lstat` in one step (what `ls -l`, `find` and `du` need). */
  readdirStats(path: string): (DirEntry & { stat: FileStat })[]
  rmdir(path: string): void
  unlink(path: string): void
  rm(path: string, opts?: RmOptions): void
  /** Atomic: the destination is replaced in the same transaction. */
  rename(from: string, to: string): void
  symlink(target: string, path: string): void
  readlink(path: string): string
  link(existing: string, newPath: string): void
  chmod(path: string, mode: number): void
  utimes(path: string, atimeMs: number, mtimeMs: number): void
  /** Canonical absolute path with every symlink resolved. */
  realpath(path: string): string
  /**
   * Like `realpath`, but the final component may be missing (where a write would create it,
   * through a dangling symlink too). Undefined when a directory on the way is missing or the
   * path cannot be resolved (not a directory, a symlink loop).
   */
  canonical(path: string): string | undefined
  usage(): VfsUsage
}
