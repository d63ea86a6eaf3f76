/** Filesystem helpers the file commands share (non-throwing stat, tree walks). */
import type { FileStat, Vfs } from '../../vfs/types.js'
import { joinPath } from './path.js'

export const tryStat = (fs: Vfs, path: string): FileStat | undefined => {
  try {
    return fs.stat(path)
  } catch {
    return undefined
  }
}

export const tryLstat = (fs: Vfs, path: string): FileStat | undefined => {
  try {
    return fs.lstat(path)
  } catch {
    return undefined
  }
}

/** Child names of a directory, sorted (the VFS order is not a promise). */
export const sortedChildren = (fs: Vfs, dir: string): string[] =>
  fs
    .readdir(dir)
    .map((e) => e.name)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))

/** A directory's entries with their `lstat`, sorted by name, in one filesystem call. */
export const sortedChildStats = (fs: Vfs, dir: string): { name: string; stat: FileStat }[] =>
  fs
    .readdirStats(dir)
    .map((e) => ({ name: e.name, stat: e.stat }))
    .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))

/** True when `inner` is `outer` or lies below it (both absolute, normalised). */
export const isInside = (inner: string, outer: string): boolean => inner === outer || inner.startsWith(outer === '/' ? '/' : `${outer}/`)

export { joinPath }
