/**
 * The JavaScript that runs inside the Python Worker Loader isolate. It boots pyodide from
 * modules handed to the Loader (the wasm as a compiled module, since workerd refuses to
 * compile wasm from bytes at run time), restores the bundled memory snapshot when there is
 * one, mirrors the sandbox's files into pyodide's in-memory filesystem and reports back
 * what a run changed. Kept as source text because it is shipped to the Loader, not bundled.
 */

/** Shims pyodide needs in workerd; imported first so they exist when pyodide evaluates. */
export const SHIMS_JS = String.raw`
globalThis.location ??= new URL('https://pyodide.invalid/')
const add = globalThis.addEventListener
if (typeof add === 'function') {
  // workerd rejects useCapture = true; pyodide's emscripten main loop passes it.
  globalThis.addEventListener = function (type, fn, opts) {
    return add.call(this, type, fn, typeof opts === 'boolean' ? undefined : opts)
  }
}
`

export const MAIN_JS = String.raw`
import './shims.js'
import { WorkerEntrypoint } from 'cloudflare:workers'
import createPyodideModule from './pyodide.asm.mjs'
import { loadPyodide } from './pyodide.mjs'
import wasm from './pyodide.asm.wasm'
import stdlib from './python_stdlib.zip'
import lockText from './pyodide-lock.json'
import snapshot0 from './snapshot.0'
import snapshot1 from './snapshot.1'
import runnerSource from './runner.py'

const HOME = '/home/user'
const SKIP_ROOTS = new Set(['/dev', '/proc', '/sys', '/lib'])
// Random values are not allowed at global scope in workerd: made on first use.
let instance
const known = new Map()
const dirty = new Set()
let booting
let py
let runner
let snapshotUsed = false
/** Where the current run's output goes and its stdin comes from. */
const io = { out: [], err: [], stdin: new Uint8Array(), stdinSent: false }

const joinParts = (a, b) => {
  const out = new Uint8Array(a.byteLength + b.byteLength)
  out.set(new Uint8Array(a), 0)
  out.set(new Uint8Array(b), a.byteLength)
  return out
}

const create = (settings) => {
  settings.instantiateWasm = (imports, done) => {
    // pyodide's own probe compiles a tiny wasm module from bytes; workerd refuses, so
    // provide its documented JavaScript fallback directly.
    const marker = Symbol('jsv error')
    imports.env.Jsv_GetError_import = () => marker
    imports.env.JsvError_Check = (v) => v === marker
    WebAssembly.instantiate(wasm, imports).then((inst) => done(inst, wasm))
    return {}
  }
  return createPyodideModule(settings)
}

async function load(makeSnapshot) {
  globalThis.fetch = async (url) =>
    String(url).endsWith('python_stdlib.zip') ? new Response(stdlib) : new Response('not bundled', { status: 404 })
  const base = { indexURL: 'https://pyodide.invalid/', lockFileContents: JSON.parse(lockText), env: { HOME }, createPyodideModule: create }
  if (makeSnapshot) return loadPyodide({ ...base, _makeSnapshot: true })
  if (snapshot0.byteLength > 0) {
    try {
      const p = await loadPyodide({ ...base, _loadSnapshot: joinParts(snapshot0, snapshot1) })
      snapshotUsed = true
      return p
    } catch (e) {
      console.warn('python: memory snapshot rejected, booting from scratch: ' + (e && e.message))
    }
  }
  return loadPyodide(base)
}

function trackWrites(FS) {
  const open = FS.open
  FS.open = function (path, flags, mode) {
    const stream = open.call(this, path, flags, mode)
    const writes = typeof flags === 'number' ? (flags & 3) !== 0 || (flags & 512) !== 0 : /[wa+]/.test(String(flags))
    if (writes && stream && stream.path) dirty.add(stream.path)
    return stream
  }
}

const PRELOAD = 'import json, re, os, sys, io, itertools, dataclasses, pathlib, collections, functools, traceback, runpy, site, importlib, codeop'

async function boot(makeSnapshot = false) {
  py = await load(makeSnapshot)
  py.runPython(PRELOAD)
  if (makeSnapshot) return py
  const [major, minor] = py.runPython('import sys; sys.version_info[:2]').toJs()
  const sitePackages = '/lib/python' + major + '.' + minor + '/site-packages'
  py.FS.mkdirTree(sitePackages)
  py.FS.writeFile(sitePackages + '/_nimbus_runner.py', runnerSource)
  // Streams are set once: re-creating them per run costs more than the run itself.
  setStreams('stdin,stdout,stderr')
  runner = py.pyimport('_nimbus_runner')
  trackWrites(py.FS)
  return py
}

// A stdin that reached end of file stays there, so runs with input get a new one.
const setStdin = () =>
  py.setStdin({ stdin: () => { if (io.stdinSent || io.stdin.length === 0) return undefined; io.stdinSent = true; return io.stdin }, isatty: false })

function setStreams(names) {
  if (names.includes('stdout')) py.setStdout({ write: (b) => { io.out.push(b.slice()); return b.length }, isatty: false })
  if (names.includes('stderr')) py.setStderr({ write: (b) => { io.err.push(b.slice()); return b.length }, isatty: false })
  if (names.includes('stdin')) setStdin()
}

const ensure = () => (booting ??= boot().catch((e) => { booting = undefined; throw e }))

function rmTree(FS, path) {
  let st
  try { st = FS.lstat(path) } catch { return }
  if (FS.isDir(st.mode)) {
    for (const name of FS.readdir(path)) if (name !== '.' && name !== '..') rmTree(FS, path + '/' + name)
    FS.rmdir(path)
  } else FS.unlink(path)
}

function applySync(FS, sync) {
  if (sync.full) {
    for (const path of [...known.keys()].sort().reverse()) rmTree(FS, path)
    known.clear()
  }
  for (const path of sync.removes) {
    rmTree(FS, path)
    known.delete(path)
  }
  for (const dir of sync.dirs) {
    FS.mkdirTree(dir)
    known.set(dir, 'dir')
  }
  for (const f of sync.writes) {
    FS.mkdirTree(f.path.slice(0, f.path.lastIndexOf('/')) || '/')
    FS.writeFile(f.path, f.data)
    FS.chmod(f.path, f.mode)
    known.set(f.path, 'file')
  }
}

function collectChanges(FS) {
  const seen = new Set()
  const writes = []
  const dirs = []
  const walk = (dir) => {
    for (const name of FS.readdir(dir)) {
      if (name === '.' || name === '..') continue
      const path = dir === '/' ? '/' + name : dir + '/' + name
      if (dir === '/' && SKIP_ROOTS.has(path)) continue
      let st
      try { st = FS.lstat(path) } catch { continue }
      if (FS.isDir(st.mode)) {
        seen.add(path)
        if (!known.has(path)) { dirs.push(path); known.set(path, 'dir') }
        walk(path)
      } else if (FS.isFile(st.mode)) {
        seen.add(path)
        if (!known.has(path) || dirty.has(path)) {
          writes.push({ path, data: FS.readFile(path), mode: st.mode & 0o7777 })
          known.set(path, 'file')
        }
      }
    }
  }
  walk('/')
  const removes = []
  for (const path of [...known.keys()]) {
    if (!seen.has(path)) { removes.push(path); known.delete(path) }
  }
  dirty.clear()
  return { writes, dirs, removes }
}

const concat = (chunks) => {
  let n = 0
  for (const c of chunks) n += c.length
  const out = new Uint8Array(n)
  let at = 0
  for (const c of chunks) { out.set(c, at); at += c.length }
  return out
}

export default class PythonIsolate extends WorkerEntrypoint {
  async run(req) {
    const started = Date.now()
    const fresh = booting === undefined
    instance ??= crypto.randomUUID()
    await ensure()
    if (req.base !== null && req.base !== instance) return { needFull: true, instance }
    const FS = py.FS
    const tSync = Date.now()
    applySync(FS, req.sync)
    const syncMs = Date.now() - tSync
    const out = []
    const err = []
    io.out = out
    io.err = err
    io.stdin = req.stdin
    io.stdinSent = false
    if (req.stdin.length > 0) setStreams('stdin')
    let checks = 0
    let timedOut = false
    const t0 = Date.now()
    py.setInterruptBuffer({
      get 0() {
        if (timedOut) return 2
        checks++
        // Date.now() may stand still during synchronous code in production; the check
        // count bounds the run there.
        if ((checks & 255) === 0 && (Date.now() - t0 > req.timeoutMs || checks > req.maxChecks)) timedOut = true
        return timedOut ? 2 : 0
      },
      set 0(_v) {},
    })
    dirty.clear()
    let exitCode
    try {
      exitCode = runner.main(req.mode, req.target, req.argv, req.cwd, req.env)
    } catch (e) {
      exitCode = timedOut ? 124 : 1
      if (!timedOut) err.push(new TextEncoder().encode(String(e && e.message ? e.message : e) + '\n'))
    }
    py.setInterruptBuffer(undefined)
    if (timedOut) exitCode = 124
    const tRun = Date.now() - t0
    const tc = Date.now()
    const changes = collectChanges(FS)
    const collectMs = Date.now() - tc
    return {
      instance,
      exitCode,
      timedOut,
      stdout: concat(out),
      stderr: concat(err),
      changes,
      stats: { fresh, snapshot: snapshotUsed, ms: Date.now() - started, syncMs, runMs: tRun, collectMs, checks },
    }
  }

  /** Build-time only: boots without a snapshot and returns the memory snapshot. */
  async makeSnapshot() {
    const p = await boot(true)
    return p.makeMemorySnapshot()
  }
}
`
