/**
 * Pure path helpers for the VFS's absolute, slash-separated paths. `..` never climbs
 * above `/` (as on POSIX, `/..` is `/`).
 */

/** Splits an absolute or relative path into its non-empty components. */
export const splitPath = (p: string): string[] => p.split('/').filter((c) => c !== '' && c !== '.')

/** Lexically normalises `p` (absolute result), resolving `.` and `..` without symlinks. */
export function normalizePath(p: string, cwd = '/'): string {
  const start = p.startsWith('/') ? [] : splitPath(cwd)
  const out = [...start]
  for (const part of splitPath(p)) {
    if (part === '..') out.pop()
    else out.push(part)
  }
  return `/${out.join('/')}`
}

export const joinPath = (...parts: string[]): string => normalizePath(parts.join('/'))

export function dirname(p: string): string {
  const norm = normalizePath(p)
  const i = norm.lastIndexOf('/')
  return i <= 0 ? '/' : norm.slice(0, i)
}

export function basename(p: string): string {
  const norm = normalizePath(p)
  return norm === '/' ? '/' : norm.slice(norm.lastIndexOf('/') + 1)
}
