/**
 * The status matrix of a whole worktree without isomorphic-git's per-file walk: the index
 * is parsed here, the worktree is listed one folder (one query) at a time, HEAD's trees
 * are read once, and a file is hashed only when its stat differs from the index entry —
 * the same rule isomorphic-git applies. `git status` on a clean tree is then one pass of
 * plain comparisons. Anything unusual (conflict stages, an index version or extension we
 * do not read) returns undefined and the caller falls back to `statusMatrix`.
 */
import * as iso from 'isomorphic-git'
import type { FileStat } from '../../vfs/types.js'
import type { Git } from './context.js'

/** One row as isomorphic-git's statusMatrix returns it: [path, head, workdir, stage]. */
export type MatrixRow = [string, number, number, number]

interface IndexEntry {
  ctimeS: number
  ctimeNs: number
  mtimeS: number
  mtimeNs: number
  ino: number
  mode: number
  uid: number
  gid: number
  size: number
  oid: string
}

const hex = (bytes: Uint8Array): string => {
  let out = ''
  for (const b of bytes) out += b.toString(16).padStart(2, '0')
  return out
}

/** Entries of a version-2 index, or undefined when it holds anything else. */
function parseIndex(buf: Uint8Array): Map<string, IndexEntry> | undefined {
  const view = new DataView(buf.buffer, buf.byteOffset, buf.byteLength)
  if (buf.length < 12 || view.getUint32(0) !== 0x44495243 || view.getUint32(4) !== 2) return undefined
  const count = view.getUint32(8)
  const entries = new Map<string, IndexEntry>()
  const decoder = new TextDecoder()
  let at = 12
  for (let i = 0; i < count; i++) {
    if (at + 62 > buf.length) return undefined
    const flags = view.getUint16(at + 60)
    if ((flags >> 12) & 3 || flags & 0x4000) return undefined // a conflict stage or v3 flags
    const nameLen = flags & 0xfff
    const end = nameLen < 0xfff ? at + 62 + nameLen : buf.indexOf(0, at + 62)
    if (end < 0 || end > buf.length) return undefined
    entries.set(decoder.decode(buf.subarray(at + 62, end)), {
      ctimeS: view.getUint32(at),
      ctimeNs: view.getUint32(at + 4),
      mtimeS: view.getUint32(at + 8),
      mtimeNs: view.getUint32(at + 12),
      ino: view.getUint32(at + 20),
      mode: view.getUint32(at + 24),
      uid: view.getUint32(at + 28),
      gid: view.getUint32(at + 32),
      size: view.getUint32(at + 36),
      oid: hex(buf.subarray(at + 40, at + 60)),
    })
    at += Math.ceil((end - at + 1) / 8) * 8
  }
  return entries
}

const U32 = 2 ** 32
const secNs = (ms: number): [number, number] => {
  const s = Math.floor(ms / 1000)
  return [s % U32, Math.floor((ms - s * 1000) * 1000000) % U32]
}

const gitMode = (st: FileStat): number =>
  st.type === 'symlink' ? 0o120000 : st.type === 'dir' ? 0o040000 : st.mode & 0o111 ? 0o100755 : 0o100644

/** isomorphic-git's staleness test between a worktree stat and its index entry. */
function stale(st: FileStat, e: IndexEntry, filemode: boolean): boolean {
  const [ms, mns] = secNs(st.mtimeMs)
  const [cs, cns] = secNs(st.ctimeMs)
  return (
    (filemode && gitMode(st) !== e.mode) ||
    ms !== e.mtimeS ||
    mns !== e.mtimeNs ||
    cs !== e.ctimeS ||
    cns !== e.ctimeNs ||
    st.uid % U32 !== e.uid ||
    st.gid % U32 !== e.gid ||
    st.ino % U32 !== e.ino ||
    st.size % U32 !== e.size
  )
}

/** path → blob id for every file in the commit's tree. */
async function headFiles(g: Git, cache: object): Promise<Map<string, string>> {
  const { gitdir } = g.repo()
  const out = new Map<string, string>()
  let root: string
  try {
    root = (await iso.readCommit({ fs: g.fs, gitdir, oid: await iso.resolveRef({ fs: g.fs, gitdir, ref: 'HEAD' }), cache })).commit.tree
  } catch {
    return out // no commit yet
  }
  const visit = async (oid: string, prefix: string): Promise<void> => {
    const { tree } = await iso.readTree({ fs: g.fs, gitdir, oid, cache })
    for (const e of tree) {
      const path = prefix ? `${prefix}/${e.path}` : e.path
      if (e.type === 'tree') await visit(e.oid, path)
      else if (e.type === 'blob') out.set(path, e.oid)
    }
  }
  await visit(root, '')
  return out
}

/** The full status matrix of the worktree, or undefined to fall back to isomorphic-git. */
export async function fastMatrix(g: Git, cache: object = {}): Promise<MatrixRow[] | undefined> {
  const { dir, gitdir } = g.repo()
  const indexPath = `${gitdir}/index`
  const index = g.vfs.exists(indexPath) ? parseIndex(g.vfs.readFile(indexPath)) : new Map<string, IndexEntry>()
  if (!index) return undefined
  const filemode = (g.config('core.filemode') ?? 'true') !== 'false'
  const head = await headFiles(g, cache)
  // Folders that hold something tracked: only these are listed without asking .gitignore.
  const trackedDirs = new Set<string>()
  for (const p of [...index.keys(), ...head.keys()]) {
    for (let i = p.indexOf('/'); i !== -1; i = p.indexOf('/', i + 1)) trackedDirs.add(p.slice(0, i))
  }
  const work = new Map<string, FileStat>()
  const ignored = (path: string): Promise<boolean> => iso.isIgnored({ fs: g.fs, dir, gitdir, filepath: path })
  const list = async (rel: string): Promise<void> => {
    const abs = rel ? `${dir}/${rel}` : dir
    for (const e of g.vfs.readdirStats(abs)) {
      const path = rel ? `${rel}/${e.name}` : e.name
      if (path === '.git') continue
      const known = index.has(path) || head.has(path)
      if (e.stat.type === 'dir') {
        if (trackedDirs.has(path) || !(await ignored(path))) await list(path)
      } else if (known || !(await ignored(path))) work.set(path, e.stat)
    }
  }
  await list('')
  const rows: MatrixRow[] = []
  const paths = new Set([...head.keys(), ...index.keys(), ...work.keys()])
  for (const path of [...paths].sort((a, b) => (a < b ? -1 : a > b ? 1 : 0))) {
    const h = head.get(path)
    const e = index.get(path)
    const st = work.get(path)
    let wOid: string | undefined
    if (st) {
      if (e && !stale(st, e, filemode)) wOid = e.oid
      else if (h !== undefined || e) {
        const abs = `${dir}/${path}`
        const bytes = st.type === 'symlink' ? new TextEncoder().encode(g.vfs.readlink(abs)) : g.vfs.readFile(abs)
        wOid = (await iso.hashBlob({ object: bytes })).oid
      }
    }
    const headN = h === undefined ? 0 : 1
    const workN = !st ? 0 : h !== undefined && wOid === h ? 1 : 2
    const stageN = !e ? 0 : h !== undefined && e.oid === h ? 1 : st && e.oid === wOid ? 2 : 3
    rows.push([path, headN, workN, stageN])
  }
  return rows
}
