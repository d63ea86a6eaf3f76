// The program's view of the sandbox filesystem: a snapshot of the files it is likely to
// touch (sent with the run), an overlay of its changes, and a log of those changes that is
// replayed into SQLite at exit and on demand. Files outside the snapshot are fetched over
// RPC by the asynchronous APIs; the synchronous ones can only see the snapshot.
import { state } from './state.js'

const enc = new TextEncoder()

export class FsError extends Error {
  constructor(code, syscall, path, dest) {
    const text = {
      ENOENT: 'no such file or directory',
      EEXIST: 'file already exists',
      ENOTDIR: 'not a directory',
      EISDIR: 'illegal operation on a directory',
      ENOTEMPTY: 'directory not empty',
      EINVAL: 'invalid argument',
      ELOOP: 'too many symbolic links encountered',
      ENOTSUP: 'operation not supported on socket',
      EACCES: 'permission denied',
    }[code]
    super(`${code}: ${text ?? code}, ${syscall} '${path}'${dest ? ` -> '${dest}'` : ''}`)
    this.errno = { ENOENT: -2, EEXIST: -17, ENOTDIR: -20, EISDIR: -21, ENOTEMPTY: -39, EINVAL: -22, ELOOP: -40, EACCES: -13 }[code] ?? -1
    this.code = code
    this.syscall = syscall
    this.path = path
    if (dest) this.dest = dest
  }
}

export const tree = new Map()
let scopes = []
let ops = []

export function normalize(p, cwd) {
  if (p instanceof URL) p = decodeURIComponent(p.pathname)
  if (typeof p !== 'string') p = String(p)
  const abs = p.startsWith('/') ? p : `${cwd ?? state.job.cwd}/${p}`
  const out = []
  for (const c of abs.split('/')) {
    if (c === '' || c === '.') continue
    if (c === '..') out.pop()
    else out.push(c)
  }
  return `/${out.join('/')}`
}
const parentOf = (p) => (p === '/' ? '/' : p.slice(0, p.lastIndexOf('/')) || '/')
const inScope = (p) => scopes.some((s) => p === s || p.startsWith(s === '/' ? '/' : `${s}/`))

export function load(snapshot) {
  tree.clear()
  ops = []
  scopes = snapshot.scopes
  for (const e of snapshot.entries) tree.set(e.path, { ...e })
  tree.set('/', tree.get('/') ?? { path: '/', type: 'dir', mode: 0o755, mtimeMs: Date.now() })
}

/** Node for `p` after following symlinks; `undefined` when it does not exist. */
export function lookup(p, follow = true, depth = 0) {
  if (depth > 40) throw new FsError('ELOOP', 'stat', p)
  const n = tree.get(p)
  if (n && n.type === 'symlink' && follow) return lookup(normalize(n.target, parentOf(p)), true, depth + 1)
  if (n) return n
  // A symlinked directory higher up.
  let dir = parentOf(p)
  while (dir !== '/') {
    const d = tree.get(dir)
    if (d?.type === 'symlink') return lookup(normalize(d.target, parentOf(dir)) + p.slice(dir.length), follow, depth + 1)
    if (d) break
    dir = parentOf(dir)
  }
  return undefined
}

/** Whether the synchronous view can answer for `p` (inside the snapshot's scopes). */
export function knows(p) {
  if (tree.has(p)) return true
  if (!inScope(p)) return false
  // Below a directory whose listing was left out (node_modules, .git), nothing is known.
  for (let d = parentOf(p); ; d = parentOf(d)) {
    const n = tree.get(d)
    if (n) return !(n.type === 'dir' && n.partial)
    if (d === '/') return true
  }
}

export function requireKnown(p, syscall) {
  if (!knows(p)) {
    const e = new FsError('ENOTSUP', syscall, p)
    e.message = `ENOTSUP: '${p}' is outside the files preloaded for synchronous access (the project directory and /tmp); use fs.promises or the callback API, ${syscall} '${p}'`
    throw e
  }
}

/** Brings `p` (and, for a directory, its listing) into the overlay from the sandbox. */
export async function fetchPath(p) {
  const n = tree.get(p)
  if (n && !(n.type === 'file' && n.data === undefined) && !(n.type === 'dir' && n.partial)) return
  if (!n && knows(p)) return
  const entries = await state.io.fetchPaths([p])
  for (const e of entries) {
    const old = tree.get(e.path)
    if (!old || (old.type === 'file' && old.data === undefined) || (old.type === 'dir' && old.partial && e.path === p)) tree.set(e.path, e)
  }
  if (!tree.has(p)) tree.set(p, { path: p, type: 'none' })
}

export function record(op) {
  const last = ops[ops.length - 1]
  if (op.op === 'write' && last && last.op === 'write' && last.path === op.path) ops[ops.length - 1] = op
  else ops.push(op)
  state.fsDirty?.()
}
export function takeOps() {
  const o = ops
  ops = []
  return o
}

export const toBytes = (data, encoding) => {
  if (typeof data === 'string') {
    if (encoding === 'base64') return Uint8Array.from(atob(data), (c) => c.charCodeAt(0))
    if (encoding === 'hex') return Uint8Array.from(data.match(/../g) ?? [], (h) => parseInt(h, 16))
    if (encoding === 'latin1' || encoding === 'binary') return Uint8Array.from(data, (c) => c.charCodeAt(0) & 255)
    return enc.encode(data)
  }
  if (data instanceof Uint8Array) return data
  if (ArrayBuffer.isView(data)) return new Uint8Array(data.buffer, data.byteOffset, data.byteLength)
  if (data instanceof ArrayBuffer) return new Uint8Array(data)
  return enc.encode(String(data))
}

export { parentOf }
