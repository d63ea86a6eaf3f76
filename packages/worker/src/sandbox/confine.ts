/**
 * Root confinement: a profile's `root` bounds every path an SDK caller names. Relative
 * paths are taken from the root; `..` cannot climb out; a symlink inside the root that
 * points outside it is refused too (checked on the resolved path when it exists).
 */
import { dirName, resolvePath } from '../commands/lib/path.js'
import type { Vfs } from '../vfs/types.js'
import { SandboxError } from './errors.js'

const inside = (root: string, path: string): boolean => root === '/' || path === root || path.startsWith(`${root}/`)

/** The absolute path of `path` under `root`; throws E_PATH_OUTSIDE_ROOT when it escapes. */
export function confine(fs: Vfs, root: string, path: string): string {
  const abs = resolvePath(root, path)
  if (!inside(root, abs)) throw new SandboxError('E_PATH_OUTSIDE_ROOT', `${path}: outside the sandbox root ${root}`)
  if (root === '/') return abs
  // `exists` first: a missing path (every new file) then costs no thrown error.
  const realOf = (p: string): string | undefined => {
    try {
      return fs.exists(p) ? fs.realpath(p) : undefined
    } catch {
      return undefined
    }
  }
  const realRoot = realOf(root) ?? root
  // Follow symlinks as far as they exist: the deepest existing ancestor decides.
  let probe = abs
  for (;;) {
    const real = realOf(probe)
    if (real !== undefined) {
      if (!inside(root, real) && !inside(realRoot, real)) {
        throw new SandboxError('E_PATH_OUTSIDE_ROOT', `${path}: resolves outside the sandbox root ${root}`)
      }
      return abs
    }
    if (probe === root || probe === '/') return abs
    probe = dirName(probe)
  }
}
