// `fs` for programs: the synchronous API over the snapshot/overlay (rt/vfs.js); the
// callback and promise APIs run the same code after fetching out-of-scope paths.
import { Buffer } from 'node:buffer'
import { Readable, Writable } from 'node:stream'
import { EventEmitter } from 'node:events'
import { state } from '../rt/state.js'
import { FsError, tree, normalize, lookup, requireKnown, fetchPath, record, toBytes, parentOf, knows } from '../rt/vfs.js'

const S_IFMT = { file: 0o100000, dir: 0o040000, symlink: 0o120000 }

// The type questions Stats and Dirent both answer, from the entry's `_type`.
class TypedEntry {
  constructor(type) {
    this._type = type
  }
  isFile() {
    return this._type === 'file'
  }
  isDirectory() {
    return this._type === 'dir'
  }
  isSymbolicLink() {
    return this._type === 'symlink'
  }
  isFIFO() {
    return false
  }
  isSocket() {
    return false
  }
  isBlockDevice() {
    return false
  }
  isCharacterDevice() {
    return false
  }
}

export class Stats extends TypedEntry {
  constructor(n, ino) {
    super(n.type)
    this.dev = 1
    this.ino = ino
    this.mode = (S_IFMT[n.type] ?? 0) | (n.mode ?? 0o644)
    this.nlink = 1
    this.uid = 1000
    this.gid = 1000
    this.rdev = 0
    this.size = n.type === 'file' ? (n.data ? n.data.length : (n.size ?? 0)) : n.type === 'symlink' ? n.target.length : 4096
    this.blksize = 4096
    this.blocks = Math.ceil(this.size / 512)
    const t = n.mtimeMs ?? Date.now()
    this.atimeMs = this.mtimeMs = this.ctimeMs = this.birthtimeMs = t
    this.atime = this.mtime = this.ctime = this.birthtime = new Date(t)
  }
}

export class Dirent extends TypedEntry {
  constructor(name, type, parentPath) {
    super(type)
    this.name = name
    this.parentPath = parentPath
    this.path = parentPath
  }
}

let inoSeq = 1000
const inos = new WeakMap()
const inoOf = (n) => {
  if (n.ino) return n.ino
  if (!inos.has(n)) inos.set(n, inoSeq++)
  return inos.get(n)
}
const exists = (n) => n !== undefined && n.type !== 'none'

function need(path, syscall, follow = true) {
  const p = normalize(path)
  requireKnown(p, syscall)
  const n = lookup(p, follow)
  if (!exists(n)) throw new FsError('ENOENT', syscall, String(path))
  return [p, n]
}
function fileData(p, n, syscall) {
  if (n.type === 'dir') throw new FsError('EISDIR', syscall, p)
  if (n.data === undefined) {
    const e = new FsError('ENOTSUP', syscall, p)
    e.message = `ENOTSUP: '${p}' is too large to preload for synchronous reads; use fs.promises.readFile, ${syscall} '${p}'`
    throw e
  }
  return n.data
}
const encodingOf = (opts) => (typeof opts === 'string' ? opts : opts?.encoding)
const decode = (bytes, encoding) => {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  return encoding && encoding !== 'buffer' ? buf.toString(encoding) : Buffer.from(buf)
}
function ensureParent(p, syscall) {
  const parent = lookup(parentOf(p))
  if (!exists(parent)) throw new FsError('ENOENT', syscall, p)
  if (parent.type !== 'dir') throw new FsError('ENOTDIR', syscall, p)
}

export function existsSync(path) {
  try {
    const p = normalize(path)
    if (!knows(p)) return false
    return exists(lookup(p))
  } catch {
    return false
  }
}
export function statSync(path, opts) {
  try {
    const [, n] = need(path, 'stat')
    return new Stats(n, inoOf(n))
  } catch (e) {
    if (opts?.throwIfNoEntry === false && e.code === 'ENOENT') return undefined
    throw e
  }
}
export function lstatSync(path, opts) {
  try {
    const [, n] = need(path, 'lstat', false)
    return new Stats(n, inoOf(n))
  } catch (e) {
    if (opts?.throwIfNoEntry === false && e.code === 'ENOENT') return undefined
    throw e
  }
}
export function readFileSync(path, opts) {
  if (path === 0 || path === '/dev/stdin') return decode(state.job?.stdin ?? new Uint8Array(), encodingOf(opts))
  if (typeof path === 'number') throw new FsError('EINVAL', 'read', String(path))
  const [p, n] = need(path, 'open')
  return decode(fileData(p, n, 'read'), encodingOf(opts))
}
export function writeFileSync(path, data, opts) {
  const p = normalize(path)
  const flag = typeof opts === 'object' ? opts?.flag : undefined
  const existing = lookup(p)
  if (exists(existing) && existing.type === 'dir') throw new FsError('EISDIR', 'open', p)
  if (flag === 'wx' && exists(existing)) throw new FsError('EEXIST', 'open', p)
  ensureParent(p, 'open')
  let bytes = toBytes(data, encodingOf(opts))
  if (flag === 'a' || flag === 'a+') bytes = concat(exists(existing) ? (existing.data ?? new Uint8Array()) : new Uint8Array(), bytes)
  const target = exists(existing) ? existing : { path: p, type: 'file', mode: typeof opts === 'object' && opts?.mode ? opts.mode & 0o777 : 0o644 }
  target.type = 'file'
  target.data = bytes
  target.size = bytes.length
  target.mtimeMs = Date.now()
  if (!exists(existing)) tree.set(p, target)
  record({ op: 'write', path: target.path ?? p, data: bytes, mode: target.mode })
}
const concat = (a, b) => {
  const out = new Uint8Array(a.length + b.length)
  out.set(a)
  out.set(b, a.length)
  return out
}
export function appendFileSync(path, data, opts) {
  writeFileSync(path, data, { ...(typeof opts === 'string' ? { encoding: opts } : opts), flag: 'a' })
}
export function readdirSync(path, opts) {
  const [p, n] = need(path, 'scandir')
  if (n.type !== 'dir') throw new FsError('ENOTDIR', 'scandir', String(path))
  if (n.partial) {
    const e = new FsError('ENOTSUP', 'scandir', p)
    e.message = `ENOTSUP: the listing of '${p}' is not preloaded for synchronous access; use fs.promises.readdir, scandir '${p}'`
    throw e
  }
  const dir = n.path ?? p
  const prefix = dir === '/' ? '/' : `${dir}/`
  const out = []
  for (const [k, v] of tree) {
    if (v.type === 'none' || !k.startsWith(prefix) || k === dir) continue
    const rest = k.slice(prefix.length)
    if (rest.includes('/')) continue
    out.push(opts?.withFileTypes ? new Dirent(rest, v.type, p) : rest)
  }
  out.sort((a, b) => (typeof a === 'string' ? (a < b ? -1 : 1) : a.name < b.name ? -1 : 1))
  return out
}
export function mkdirSync(path, opts) {
  const p = normalize(path)
  const recursive = typeof opts === 'object' && opts?.recursive
  const existing = lookup(p)
  if (exists(existing)) {
    if (recursive && existing.type === 'dir') return undefined
    throw new FsError('EEXIST', 'mkdir', String(path))
  }
  let first
  const make = (q) => {
    const n = lookup(q)
    if (exists(n)) {
      if (n.type !== 'dir') throw new FsError('ENOTDIR', 'mkdir', String(path))
      return
    }
    if (!recursive && q !== p) throw new FsError('ENOENT', 'mkdir', String(path))
    make(parentOf(q))
    tree.set(q, { path: q, type: 'dir', mode: 0o755, mtimeMs: Date.now() })
    first ??= q
  }
  make(p)
  record({ op: 'mkdir', path: p })
  return recursive ? first : undefined
}
export function rmSync(path, opts) {
  const p = normalize(path)
  requireKnown(p, 'rm')
  const n = lookup(p, false)
  if (!exists(n)) {
    if (opts?.force) return
    throw new FsError('ENOENT', 'rm', String(path))
  }
  if (n.type === 'dir' && !opts?.recursive) {
    const e = new FsError('EISDIR', 'rm', String(path))
    e.code = 'ERR_FS_EISDIR'
    e.message = `Path is a directory: rm returned EISDIR (is a directory) ${p}`
    throw e
  }
  drop(p)
  record({ op: 'rm', path: p })
}
const drop = (p) => {
  for (const k of [...tree.keys()]) if (k === p || k.startsWith(`${p}/`)) tree.delete(k)
  tree.set(p, { path: p, type: 'none' })
}
export function unlinkSync(path) {
  const [p, n] = need(path, 'unlink', false)
  if (n.type === 'dir') throw new FsError('EISDIR', 'unlink', String(path))
  drop(p)
  record({ op: 'rm', path: p })
}
export function rmdirSync(path, opts) {
  if (opts?.recursive) return rmSync(path, { recursive: true, force: true })
  const [p, n] = need(path, 'rmdir', false)
  if (n.type !== 'dir') throw new FsError('ENOTDIR', 'rmdir', String(path))
  if (readdirSync(p).length) throw new FsError('ENOTEMPTY', 'rmdir', String(path))
  drop(p)
  record({ op: 'rm', path: p })
}
export function renameSync(from, to) {
  const [a, n] = need(from, 'rename', false)
  const b = normalize(to)
  ensureParent(b, 'rename')
  const moved = [...tree.entries()].filter(([k]) => k === a || k.startsWith(`${a}/`))
  drop(a)
  for (const k of [...tree.keys()]) if (k === b || k.startsWith(`${b}/`)) tree.delete(k)
  for (const [k, v] of moved) {
    const nk = b + k.slice(a.length)
    tree.set(nk, { ...v, path: nk })
  }
  void n
  record({ op: 'rename', path: a, to: b })
}
export function copyFileSync(src, dest) {
  writeFileSync(dest, readFileSync(src))
}
export function cpSync(src, dest, opts) {
  const [a, n] = need(src, 'cp')
  if (n.type !== 'dir') return copyFileSync(a, dest)
  if (!opts?.recursive) throw new FsError('EISDIR', 'cp', a)
  mkdirSync(dest, { recursive: true })
  for (const name of readdirSync(a)) cpSync(`${a}/${name}`, `${normalize(dest)}/${name}`, opts)
}
export function symlinkSync(target, path) {
  const p = normalize(path)
  if (exists(lookup(p, false))) throw new FsError('EEXIST', 'symlink', String(target), String(path))
  ensureParent(p, 'symlink')
  tree.set(p, { path: p, type: 'symlink', target: String(target), mode: 0o777, mtimeMs: Date.now() })
  record({ op: 'symlink', path: p, target: String(target) })
}
export function readlinkSync(path) {
  const [, n] = need(path, 'readlink', false)
  if (n.type !== 'symlink') throw new FsError('EINVAL', 'readlink', String(path))
  return n.target
}
export function realpathSync(path) {
  const p = normalize(path)
  requireKnown(p, 'realpath')
  const parts = p.split('/').filter(Boolean)
  let cur = '/'
  for (let i = 0; i < parts.length; i++) {
    const next = cur === '/' ? `/${parts[i]}` : `${cur}/${parts[i]}`
    const n = tree.get(next)
    if (n?.type === 'symlink') {
      cur = realpathSync(normalize(n.target, cur))
      continue
    }
    if (!exists(n) && !exists(lookup(next))) throw new FsError('ENOENT', 'realpath', String(path))
    cur = next
  }
  return cur
}
realpathSync.native = realpathSync
export function accessSync(path) {
  need(path, 'access')
}
export function chmodSync(path, mode) {
  const [p, n] = need(path, 'chmod')
  n.mode = (typeof mode === 'string' ? parseInt(mode, 8) : mode) & 0o7777
  record({ op: 'chmod', path: n.path ?? p, mode: n.mode })
}
export function utimesSync(path, atime, mtime) {
  const [p, n] = need(path, 'utime')
  n.mtimeMs = typeof mtime === 'number' ? mtime * 1000 : +mtime
  record({ op: 'utimes', path: n.path ?? p, mtimeMs: n.mtimeMs })
}
export function truncateSync(path, len = 0) {
  const [p, n] = need(path, 'open')
  const data = fileData(p, n, 'open')
  const out = new Uint8Array(len)
  out.set(data.subarray(0, len))
  writeFileSync(p, out)
}
export function mkdtempSync(prefix) {
  const p = `${prefix}${Math.random().toString(36).slice(2, 8)}`
  mkdirSync(p)
  return normalize(p)
}

// File descriptors: enough for open/write/close and open/read/close patterns.
const fds = new Map()
let nextFd = 10
export function openSync(path, flags = 'r') {
  const p = normalize(path)
  if (/[wa]/.test(String(flags))) {
    if (!existsSync(p) || String(flags).startsWith('w')) writeFileSync(p, '')
  } else need(p, 'open')
  const fd = nextFd++
  fds.set(fd, { path: p, pos: String(flags).startsWith('a') ? readFileSync(p).length : 0 })
  return fd
}
export function closeSync(fd) {
  fds.delete(fd)
}
export function fsyncSync() {}
export function writeSync(fd, data, ...rest) {
  if (fd === 1 || fd === 2) {
    globalThis.process[fd === 1 ? 'stdout' : 'stderr'].write(typeof data === 'string' ? data : Buffer.from(data))
    return typeof data === 'string' ? data.length : data.length
  }
  const f = fds.get(fd)
  if (!f) throw new FsError('EBADF', 'write', String(fd))
  const bytes = toBytes(data, typeof rest[1] === 'string' ? rest[1] : undefined)
  const old = readFileSync(f.path)
  const out = new Uint8Array(Math.max(old.length, f.pos + bytes.length))
  out.set(old)
  out.set(bytes, f.pos)
  f.pos += bytes.length
  writeFileSync(f.path, out)
  return bytes.length
}
export function readSync(fd, buffer, offset = 0, length = buffer.length, position = null) {
  if (fd === 0) return 0
  const f = fds.get(fd)
  if (!f) throw new FsError('EBADF', 'read', String(fd))
  const data = readFileSync(f.path)
  const from = position ?? f.pos
  const chunk = data.subarray(from, from + length)
  buffer.set(chunk, offset)
  if (position === null) f.pos += chunk.length
  return chunk.length
}
export function fstatSync(fd) {
  const f = fds.get(fd)
  if (!f) throw new FsError('EBADF', 'fstat', String(fd))
  return statSync(f.path)
}

// The asynchronous APIs: fetch what the snapshot lacks, then do the synchronous work.
const pathArgs = { rename: 2, copyFile: 2, cp: 2, symlink: 2, link: 2 }
const asyncOf = (name, fn) =>
  async (...args) => {
    const n = pathArgs[name] ?? 1
    for (let i = 0; i < n; i++) {
      if (typeof args[i] === 'string' || args[i] instanceof URL) {
        const p = normalize(args[i])
        await fetchPath(p)
        if (name === 'readdir' || name === 'rm' || name === 'cp') await fetchTree(p)
      }
    }
    return fn(...args)
  }
async function fetchTree(p) {
  const n = tree.get(p)
  if (n?.type === 'dir' && !n.listed) {
    n.listed = true
    for (const name of readdirSync(p)) await fetchPath(`${p === '/' ? '' : p}/${name}`)
  }
}

const syncFns = {
  access: accessSync,
  appendFile: appendFileSync,
  chmod: chmodSync,
  copyFile: copyFileSync,
  cp: cpSync,
  lstat: lstatSync,
  mkdir: mkdirSync,
  mkdtemp: mkdtempSync,
  readdir: readdirSync,
  readFile: readFileSync,
  readlink: readlinkSync,
  realpath: realpathSync,
  rename: renameSync,
  rm: rmSync,
  rmdir: rmdirSync,
  stat: statSync,
  symlink: symlinkSync,
  truncate: truncateSync,
  unlink: unlinkSync,
  utimes: utimesSync,
  writeFile: writeFileSync,
}
export const promises = {}
for (const [name, fn] of Object.entries(syncFns)) promises[name] = asyncOf(name, fn)
promises.constants = { F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1 }
promises.open = async (path, flags) => {
  const fd = openSync(path, flags)
  return {
    fd,
    readFile: (o) => promises.readFile(fds.get(fd).path, o),
    writeFile: (d, o) => promises.writeFile(fds.get(fd).path, d, o),
    write: async (d) => ({ bytesWritten: writeSync(fd, d) }),
    stat: async () => fstatSync(fd),
    close: async () => closeSync(fd),
  }
}

const cb = (name, fn) =>
  function (...args) {
    const done = typeof args[args.length - 1] === 'function' ? args.pop() : undefined
    const p = asyncOf(name, fn)(...args)
    p.then(
      (v) => done?.(null, v),
      (e) => done?.(e),
    )
  }
export const access = cb('access', accessSync)
export const appendFile = cb('appendFile', appendFileSync)
export const chmod = cb('chmod', chmodSync)
export const copyFile = cb('copyFile', copyFileSync)
export const cp = cb('cp', cpSync)
export const lstat = cb('lstat', lstatSync)
export const mkdir = cb('mkdir', mkdirSync)
export const mkdtemp = cb('mkdtemp', mkdtempSync)
export const readdir = cb('readdir', readdirSync)
export const readFile = cb('readFile', readFileSync)
export const readlink = cb('readlink', readlinkSync)
export const realpath = cb('realpath', realpathSync)
export const rename = cb('rename', renameSync)
export const rm = cb('rm', rmSync)
export const rmdir = cb('rmdir', rmdirSync)
export const stat = cb('stat', statSync)
export const symlink = cb('symlink', symlinkSync)
export const truncate = cb('truncate', truncateSync)
export const unlink = cb('unlink', unlinkSync)
export const utimes = cb('utimes', utimesSync)
export const writeFile = cb('writeFile', writeFileSync)
export function exists_(path, done) {
  fetchPath(normalize(path)).then(
    () => done(existsSync(path)),
    () => done(false),
  )
}
export { exists_ as exists }

export function createReadStream(path, opts) {
  const stream = new Readable({ read() {} })
  promises.readFile(path).then(
    (buf) => {
      const data = opts?.start !== undefined || opts?.end !== undefined ? buf.subarray(opts.start ?? 0, opts.end === undefined ? undefined : opts.end + 1) : buf
      stream.push(encodingOf(opts) ? data.toString(encodingOf(opts)) : data)
      stream.push(null)
    },
    (e) => stream.destroy(e),
  )
  stream.path = path
  return stream
}
export function createWriteStream(path, opts) {
  const p = normalize(path)
  if (!(typeof opts === 'object' && opts?.flags === 'a')) writeFileSync(p, '')
  const stream = new Writable({
    write(chunk, encoding, done) {
      try {
        appendFileSync(p, chunk, typeof encoding === 'string' && encoding !== 'buffer' ? encoding : undefined)
        done()
      } catch (e) {
        done(e)
      }
    },
  })
  stream.path = p
  stream.bytesWritten = 0
  return stream
}
export function watch() {
  const w = new EventEmitter()
  w.close = () => {}
  return w
}
export const constants = { F_OK: 0, R_OK: 4, W_OK: 2, X_OK: 1, O_RDONLY: 0, O_WRONLY: 1, O_RDWR: 2, O_CREAT: 64, O_EXCL: 128, O_TRUNC: 512, O_APPEND: 1024, S_IFMT: 0o170000, S_IFREG: 0o100000, S_IFDIR: 0o040000, S_IFLNK: 0o120000 }
export const F_OK = 0
export const R_OK = 4
export const W_OK = 2
export const X_OK = 1

const fs = {
  Stats,
  Dirent,
  existsSync,
  statSync,
  lstatSync,
  readFileSync,
  writeFileSync,
  appendFileSync,
  readdirSync,
  mkdirSync,
  rmSync,
  unlinkSync,
  rmdirSync,
  renameSync,
  copyFileSync,
  cpSync,
  symlinkSync,
  readlinkSync,
  realpathSync,
  accessSync,
  chmodSync,
  utimesSync,
  truncateSync,
  mkdtempSync,
  openSync,
  closeSync,
  fsyncSync,
  writeSync,
  readSync,
  fstatSync,
  promises,
  access,
  appendFile,
  chmod,
  copyFile,
  cp,
  lstat,
  mkdir,
  mkdtemp,
  readdir,
  readFile,
  readlink,
  realpath,
  rename,
  rm,
  rmdir,
  stat,
  symlink,
  truncate,
  unlink,
  utimes,
  writeFile,
  exists: exists_,
  createReadStream,
  createWriteStream,
  watch,
  constants,
  F_OK,
  R_OK,
  W_OK,
  X_OK,
}
export default fs
