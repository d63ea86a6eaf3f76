/**
 * The sandbox's files as the Python isolate sees them. Python's file API is synchronous
 * and the VFS lives in the Durable Object, so the isolate keeps a mirror in pyodide's
 * in-memory filesystem: before a run the session sends what changed since the last run
 * (by mtime, size and inode), after it the isolate sends back what the program wrote,
 * created or deleted, and those changes land in the VFS: the same files the shell sees.
 * Trees nobody imports from Python (node_modules, .git) and oversized files stay out.
 */
import type { Vfs } from '../../vfs/types.js'
import type { IsolateRunRequest, IsolateRunResult } from './isolate.js'

/** Top-level directories pyodide owns or that are not files. */
const SKIP_ROOTS = new Set(['/dev', '/proc', '/sys', '/lib'])
const SKIP_NAMES = new Set(['node_modules', '.git'])
/** Files above this size are not mirrored (the program sees them missing). */
export const MAX_MIRRORED_FILE = 16 * 1024 * 1024
/** The most bytes sent to the isolate in one run. */
export const MAX_MIRROR_BYTES = 64 * 1024 * 1024

type Sync = IsolateRunRequest['sync']

interface Entry {
  kind: 'file' | 'dir'
  sig: string
}

export class FileMirror {
  /** The isolate instance whose mirror `entries` describes, or null: send everything. */
  base: string | null = null
  #entries = new Map<string, Entry>()

  /** Forgets the isolate's state: the next sync sends every file. */
  reset(): void {
    this.base = null
    this.#entries.clear()
  }

  #scan(fs: Vfs): Map<string, Entry & { size: number; mode: number }> {
    const found = new Map<string, Entry & { size: number; mode: number }>()
    const walk = (dir: string): void => {
      let entries
      try {
        entries = fs.readdirStats(dir)
      } catch {
        return
      }
      for (const e of entries) {
        const path = dir === '/' ? `/${e.name}` : `${dir}/${e.name}`
        if (dir === '/' && SKIP_ROOTS.has(path)) continue
        if (e.stat.type === 'dir') {
          if (SKIP_NAMES.has(e.name)) continue
          found.set(path, { kind: 'dir', sig: 'dir', size: 0, mode: e.stat.mode })
          walk(path)
        } else if (e.stat.type === 'file' && e.stat.size <= MAX_MIRRORED_FILE) {
          found.set(path, { kind: 'file', sig: `${e.stat.ino}:${e.stat.size}:${e.stat.mtimeMs}`, size: e.stat.size, mode: e.stat.mode })
        }
      }
    }
    walk('/')
    return found
  }

  /** What to send before a run: changes since the isolate's last known state. */
  diff(fs: Vfs): Sync {
    const full = this.base === null
    if (full) this.#entries.clear()
    const now = this.#scan(fs)
    const sync: Sync = { full, writes: [], dirs: [], removes: [] }
    let bytes = 0
    for (const [path, entry] of now) {
      const before = this.#entries.get(path)
      if (before && before.sig === entry.sig && before.kind === entry.kind) continue
      if (entry.kind === 'dir') {
        sync.dirs.push(path)
      } else {
        if (bytes + entry.size > MAX_MIRROR_BYTES) continue
        bytes += entry.size
        sync.writes.push({ path, data: fs.readFile(path), mode: entry.mode })
      }
      this.#entries.set(path, { kind: entry.kind, sig: entry.sig })
    }
    for (const path of [...this.#entries.keys()]) {
      if (!now.has(path)) {
        sync.removes.push(path)
        this.#entries.delete(path)
      }
    }
    // A parent must exist before its files: shallow directories first.
    sync.dirs.sort((a, b) => a.length - b.length)
    return sync
  }

  /** Lands the isolate's changes in the VFS and records them as in sync. */
  apply(fs: Vfs, changes: IsolateRunResult['changes']): string[] {
    const errors: string[] = []
    const attempt = (what: string, fn: () => void): void => {
      try {
        fn()
      } catch (e) {
        errors.push(`${what}: ${e instanceof Error ? e.message : String(e)}`)
      }
    }
    for (const path of [...changes.removes].sort().reverse()) {
      attempt(path, () => {
        if (fs.exists(path) || isLink(fs, path)) fs.rm(path, { recursive: true, force: true })
      })
      this.#entries.delete(path)
    }
    for (const dir of [...changes.dirs].sort((a, b) => a.length - b.length)) {
      attempt(dir, () => fs.mkdir(dir, { recursive: true }))
      this.#entries.set(dir, { kind: 'dir', sig: 'dir' })
    }
    for (const f of changes.writes) {
      // Until stored, the isolate's copy differs from the VFS: the next diff corrects it.
      this.#entries.set(f.path, { kind: 'file', sig: 'unsaved' })
      attempt(f.path, () => {
        fs.writeFile(f.path, f.data)
        if ((fs.stat(f.path).mode & 0o7777) !== (f.mode & 0o7777)) fs.chmod(f.path, f.mode & 0o7777)
        const st = fs.stat(f.path)
        this.#entries.set(f.path, { kind: 'file', sig: `${st.ino}:${st.size}:${st.mtimeMs}` })
      })
    }
    return errors
  }
}

const isLink = (fs: Vfs, path: string): boolean => {
  try {
    return fs.lstat(path).type === 'symlink'
  } catch {
    return false
  }
}
