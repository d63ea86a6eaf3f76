/**
 * The sandbox's files inside a WASI isolate (Ruby, compiled C/C++ programs): an in-memory
 * tree of the WASI shim's Directory and File objects, filled from the session's mirror diff
 * and read back after a run, so only what the program changed returns to the sandbox.
 * `st` is `{ root: Directory, known: Map<path, { file, data, copy } | null> }`.
 */
import { Directory, File } from '@bjorn3/browser_wasi_shim'

const split = (path) => path.split('/').filter(Boolean)

function lookup(root, path, create) {
  let dir = root
  const parts = split(path)
  for (let i = 0; i < parts.length - 1; i++) {
    let next = dir.contents.get(parts[i])
    if (!next) {
      if (!create) return undefined
      next = new Directory(new Map())
      dir.contents.set(parts[i], next)
    }
    if (!(next instanceof Directory)) return undefined
    dir = next
  }
  return { dir, name: parts[parts.length - 1] }
}

/** Applies a mirror diff from the session to the tree under `st.root`. */
export function applySync(st, sync) {
  if (sync.full) {
    st.root.contents.clear()
    st.known.clear()
  }
  for (const path of sync.removes) {
    const at = lookup(st.root, path, false)
    if (at) at.dir.contents.delete(at.name)
    for (const k of [...st.known.keys()]) if (k === path || k.startsWith(path + '/')) st.known.delete(k)
  }
  for (const dir of sync.dirs) {
    const at = lookup(st.root, dir, true)
    if (at && !at.dir.contents.has(at.name)) at.dir.contents.set(at.name, new Directory(new Map()))
    st.known.set(dir, null)
  }
  for (const f of sync.writes) {
    const at = lookup(st.root, f.path, true)
    const file = new File(f.data)
    at.dir.contents.set(at.name, file)
    st.known.set(f.path, { file, data: file.data, copy: f.data.slice() })
  }
}

const same = (a, b) => {
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** What the program changed since the last sync (files under `skipRoots` are not the sandbox's). */
export function collectChanges(st, skipRoots) {
  const writes = []
  const dirs = []
  const seen = new Set()
  const walk = (dir, prefix) => {
    for (const [name, node] of dir.contents) {
      const path = prefix + '/' + name
      if (skipRoots.has(path)) continue
      seen.add(path)
      if (node instanceof Directory) {
        if (!st.known.has(path)) {
          dirs.push(path)
          st.known.set(path, null)
        }
        walk(node, path)
      } else if (node instanceof File) {
        const k = st.known.get(path)
        if (!k || k.file !== node || k.data !== node.data || !same(k.copy, node.data)) {
          writes.push({ path, data: node.data.slice(), mode: 0o644 })
          st.known.set(path, { file: node, data: node.data, copy: node.data.slice() })
        }
      }
    }
  }
  walk(st.root, '')
  const removes = []
  for (const path of [...st.known.keys()]) {
    if (!seen.has(path)) {
      removes.push(path)
      st.known.delete(path)
    }
  }
  return { writes, dirs, removes }
}

export const concat = (chunks) => {
  let n = 0
  for (const c of chunks) n += c.length
  const out = new Uint8Array(n)
  let at = 0
  for (const c of chunks) {
    out.set(c, at)
    at += c.length
  }
  return out
}

