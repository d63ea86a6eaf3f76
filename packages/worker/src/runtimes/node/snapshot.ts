/**
 * The files a program gets for synchronous `fs` (see docs/decisions/sync-fs.md): the
 * project directory, the program's directory and /tmp, without node_modules and .git
 * (their contents are bundled or fetched on demand), with content for small files up to a
 * budget, and metadata only beyond it. Changes come back as an ordered log (`applyFsOps`).
 */
import type { Vfs } from '../../vfs/types.js'
import { dirname, normalizePath } from '../../vfs/path.js'

export interface SnapshotEntry {
  path: string
  type: 'file' | 'dir' | 'symlink'
  mode: number
  mtimeMs: number
  size?: number
  data?: Uint8Array
  target?: string
  /** A directory whose listing is not included. */
  partial?: boolean
}

export interface Snapshot {
  scopes: string[]
  entries: SnapshotEntry[]
}

export const SNAPSHOT_LIMITS = { fileBytes: 1 << 20, totalBytes: 16 << 20, entries: 20_000 }
const SKIP = new Set(['node_modules', '.git'])

export function takeSnapshot(fs: Vfs, roots: string[], limits = SNAPSHOT_LIMITS): Snapshot {
  const scopes = [...new Set(roots.map((r) => normalizePath(r)))].filter((r, _, all) => !all.some((o) => o !== r && (o === '/' || r.startsWith(`${o}/`))))
  const entries: SnapshotEntry[] = []
  const seen = new Set<string>()
  let bytes = 0
  const add = (e: SnapshotEntry) => {
    if (!seen.has(e.path)) {
      seen.add(e.path)
      entries.push(e)
    }
  }
  for (const scope of scopes) {
    for (let d = dirname(scope); ; d = dirname(d)) {
      try {
        const st = fs.stat(d)
        add({ path: d, type: 'dir', mode: st.mode, mtimeMs: st.mtimeMs, partial: true })
      } catch {
        break
      }
      if (d === '/') break
    }
    const walk = (dir: string) => {
      let list
      try {
        list = fs.readdirStats(dir)
      } catch {
        return
      }
      for (const e of list) {
        if (entries.length >= limits.entries) return
        const path = dir === '/' ? `/${e.name}` : `${dir}/${e.name}`
        const st = e.stat
        if (e.type === 'symlink') add({ path, type: 'symlink', mode: st.mode, mtimeMs: st.mtimeMs, target: st.target ?? fs.readlink(path) })
        else if (e.type === 'dir') {
          const skip = SKIP.has(e.name)
          add({ path, type: 'dir', mode: st.mode, mtimeMs: st.mtimeMs, ...(skip ? { partial: true } : {}) })
          if (!skip) walk(path)
        } else {
          const take = st.size <= limits.fileBytes && bytes + st.size <= limits.totalBytes
          const entry: SnapshotEntry = { path, type: 'file', mode: st.mode, mtimeMs: st.mtimeMs, size: st.size }
          if (take) {
            entry.data = fs.readFile(path)
            bytes += st.size
          }
          add(entry)
        }
      }
    }
    try {
      const st = fs.stat(scope)
      add({ path: scope, type: 'dir', mode: st.mode, mtimeMs: st.mtimeMs })
      if (st.type === 'dir') walk(scope)
    } catch {
      // A missing root (no /tmp) is simply not part of the snapshot.
    }
  }
  return { scopes, entries }
}

/** Entries for paths the program asks for asynchronously (a file's content, a dir's listing). */
export function fetchEntries(fs: Vfs, paths: string[]): SnapshotEntry[] {
  const out: SnapshotEntry[] = []
  for (const path of paths) {
    let st
    try {
      st = fs.lstat(path)
    } catch {
      continue
    }
    if (st.type === 'symlink') {
      out.push({ path, type: 'symlink', mode: st.mode, mtimeMs: st.mtimeMs, target: fs.readlink(path) })
      try {
        const real = fs.realpath(path)
        out.push(...fetchEntries(fs, [real]))
      } catch {
        // Dangling link.
      }
    } else if (st.type === 'file') out.push({ path, type: 'file', mode: st.mode, mtimeMs: st.mtimeMs, size: st.size, data: fs.readFile(path) })
    else {
      out.push({ path, type: 'dir', mode: st.mode, mtimeMs: st.mtimeMs })
      for (const e of fs.readdirStats(path)) {
        const p = path === '/' ? `/${e.name}` : `${path}/${e.name}`
        out.push({ path: p, type: e.type, mode: e.stat.mode, mtimeMs: e.stat.mtimeMs, size: e.stat.size, ...(e.type === 'symlink' ? { target: fs.readlink(p) } : {}), ...(e.type === 'dir' ? { partial: true } : {}) })
      }
    }
  }
  return out
}

export type FsOp =
  | { op: 'write'; path: string; data: Uint8Array; mode?: number }
  | { op: 'mkdir'; path: string }
  | { op: 'rm'; path: string }
  | { op: 'rename'; path: string; to: string }
  | { op: 'symlink'; path: string; target: string }
  | { op: 'chmod'; path: string; mode: number }
  | { op: 'utimes'; path: string; mtimeMs: number }

const isLink = (fs: Vfs, path: string): boolean => {
  try {
    return fs.lstat(path).type === 'symlink'
  } catch {
    return false
  }
}

/** Replays a program's filesystem changes in order; returns messages for the ones that failed. */
export function applyFsOps(fs: Vfs, ops: FsOp[]): string[] {
  const failures: string[] = []
  for (const op of ops) {
    try {
      switch (op.op) {
        case 'write':
          fs.writeFile(op.path, op.data, op.mode === undefined ? {} : { mode: op.mode })
          break
        case 'mkdir':
          fs.mkdir(op.path, { recursive: true })
          break
        case 'rm':
          // Removing what is already gone is what the program saw succeed.
          if (fs.exists(op.path) || isLink(fs, op.path)) fs.rm(op.path, { recursive: true, force: true })
          break
        case 'rename':
          fs.rename(op.path, op.to)
          break
        case 'symlink':
          fs.symlink(op.target, op.path)
          break
        case 'chmod':
          fs.chmod(op.path, op.mode)
          break
        case 'utimes':
          fs.utimes(op.path, op.mtimeMs, op.mtimeMs)
          break
      }
    } catch (e) {
      failures.push(`${op.op} ${op.path}: ${e instanceof Error ? e.message : String(e)}`)
    }
  }
  return failures
}
