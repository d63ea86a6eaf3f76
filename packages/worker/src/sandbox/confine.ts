/**
 * Root confinement: a profile's `root` bounds every path an SDK caller names. Relative
 * paths are taken from the root; `..` cannot climb out; a symlink inside the root that
 * points outside it is refused too, dangling or not (a write through a dangling symlink
 * would create its target).
 */
import { dirName, resolvePath } from '../commands/lib/path.js'
import type { Vfs } from '../vfs/types.js'
import { SandboxError } from './errors.js'

const inside = (root: string, path: string): boolean => root === '/' || path === root || path.startsWith(`${root}/`)

/** The absolute path of `path` under `root`; throws E_PATH_OUTSIDE_ROOT when it escapes. */
export function confine(fs: Vfs, root: string, path: string): string {
  const abs = lexically(root, path)
  if (root === '/') return abs
  const real = resolvedAsFarAsItExists(fs, abs, root)
  if (real === undefined || leadsInside(fs, root, real)) return abs
  throw new SandboxError('E_PATH_OUTSIDE_ROOT', `${path}: resolves outside the sandbox root ${root}`)
}

/**
 * The absolute path of `path` when the directory holding its final component resolves inside
 * the root: then only that component could still lead out, if it is a symlink, so the caller
 * opens it without following one (`noFollow`) and takes `confine` when it meets one. Resolving
 * a directory already walked costs no query. Undefined when the cheap answer is not enough
 * (the root itself, a missing or escaping directory: `confine` decides); throws
 * E_PATH_OUTSIDE_ROOT for `..` climbing out.
 */
export function confineDirectory(fs: Vfs, root: string, path: string): string | undefined {
  const abs = lexically(root, path)
  if (root === '/' || abs === root) return undefined
  const real = fs.canonical(dirName(abs))
  return real !== undefined && leadsInside(fs, root, real) ? abs : undefined
}

function lexically(root: string, path: string): string {
  const abs = resolvePath(root, path)
  if (!inside(root, abs)) throw new SandboxError('E_PATH_OUTSIDE_ROOT', `${path}: outside the sandbox root ${root}`)
  return abs
}

/** The root may itself be (or sit below) a symlink; paths under its real location are inside. */
const leadsInside = (fs: Vfs, root: string, real: string): boolean => inside(root, real) || inside(fs.canonical(root) ?? root, real)

/**
 * Where `abs` really leads: its canonical path when its directory exists (one walk, the
 * common case), else that of its deepest existing ancestor (`mkdir -p` territory).
 */
function resolvedAsFarAsItExists(fs: Vfs, abs: string, root: string): string | undefined {
  for (let probe = abs; ; probe = dirName(probe)) {
    const real = fs.canonical(probe)
    if (real !== undefined) return real
    if (probe === root || probe === '/') return undefined
  }
}
