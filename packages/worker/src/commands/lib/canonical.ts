/** Path canonicalization for realpath and readlink -f/-e/-m. */
import { VfsError, type Vfs } from '../../vfs/types.js'
import { normalizePath } from './path.js'

/**
 * Resolves symlinks (when `follow`) component by component. `mode`: 'existing' — every
 * component must exist; 'parent' — all but the last; 'missing' — none need to.
 */
export const canonicalize = (fs: Vfs, abs: string, mode: 'existing' | 'parent' | 'missing', follow = true): string => {
  if (!follow) {
    const p = normalizePath(abs)
    if (mode === 'existing' && !fs.exists(p)) throw new VfsError('ENOENT', p)
    return p
  }
  const parts = abs.split('/').filter((s) => s !== '' && s !== '.')
  let resolved = '/'
  let hops = 0
  while (parts.length > 0) {
    const part = parts.shift() as string
    if (part === '..') {
      resolved = resolved === '/' ? '/' : resolved.slice(0, resolved.lastIndexOf('/')) || '/'
      continue
    }
    const next = resolved === '/' ? `/${part}` : `${resolved}/${part}`
    let st
    try {
      st = fs.lstat(next)
    } catch (e) {
      const last = parts.length === 0
      if (mode === 'missing' || (mode === 'parent' && last)) {
        resolved = next
        continue
      }
      throw e
    }
    if (st.type === 'symlink') {
      if (++hops > 40) throw new VfsError('ELOOP', next)
      const target = fs.readlink(next)
      if (target.startsWith('/')) resolved = '/'
      parts.unshift(...target.split('/').filter((s) => s !== '' && s !== '.'))
      continue
    }
    if (st.type !== 'dir' && parts.length > 0 && mode !== 'missing') throw new VfsError('ENOTDIR', next)
    resolved = next
  }
  return resolved
}
