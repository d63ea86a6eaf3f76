/**
 * The C/C++ compiler's Worker Loader isolate: Clang and LLD built for WebAssembly
 * (@yowasp/clang, bundled at build time with its wasm loaders pointed at this isolate's
 * modules), kept warm between runs. The sandbox's files are mirrored in as a plain tree
 * (the exchange the Python and Ruby isolates use); after a run, the files the compiler
 * wrote go back. The toolchain keeps its scratch files in /tmp and drops that folder after
 * each run, so the sandbox's /tmp is mounted under another name for the run.
 */
import { WorkerEntrypoint } from 'cloudflare:workers'
import { Exit, commands } from '@yowasp/clang'
import { isPrimed, prime } from './resources.js'
import { concat } from '../../wasi/shim-tree.js'

/**
 * Linked into every program: wasi-libc starts in `/`, so a program would resolve relative
 * paths from the root. This sets the working directory from PWD before `main` runs.
 */
const CWD_SOURCE = `#include <stdlib.h>
#include <unistd.h>
__attribute__((constructor(101))) static void nimbus_initial_cwd(void) {
  const char *pwd = getenv("PWD");
  if (pwd && *pwd) chdir(pwd);
}
`
const CWD_OBJECT = '/.nimbus/initial-cwd.o'
const TMP_MOUNT = '.sandbox-tmp'
/** `/tmp/…` in an argument (alone or after an option letter, as in `-I/tmp/x`) → the mount. */
const toMount = (arg) => arg.replace(/^(-[A-Za-z]+)?\/tmp(?=\/|$)/, `$1/${TMP_MOUNT}`)
const fromMount = (text) => text.split(`/${TMP_MOUNT}`).join('/tmp')
/** What the driver prints before its job list (`-###`); shown on a failure only with -v. */
const DRIVER_BANNER = /^(clang version |Target: |Thread model: |InstalledDir: |Build config: | \(in-process\)$| ")/
const withoutBanner = (text) => text.split('\n').filter((line) => !DRIVER_BANNER.test(line)).join('\n')

let instance
let tree = {}
let cwdObject

const split = (path) => path.split('/').filter(Boolean)

function parentOf(path, create) {
  let dir = tree
  const parts = split(path)
  for (let i = 0; i < parts.length - 1; i++) {
    let next = dir[parts[i]]
    if (next === undefined) {
      if (!create) return undefined
      next = dir[parts[i]] = {}
    }
    if (next instanceof Uint8Array) return undefined
    dir = next
  }
  return { dir, name: parts[parts.length - 1] }
}

function applySync(sync) {
  if (sync.full) tree = {}
  for (const path of sync.removes) {
    const at = parentOf(path, false)
    if (at) delete at.dir[at.name]
  }
  for (const path of sync.dirs) {
    const at = parentOf(path, true)
    if (at && !(at.name in at.dir)) at.dir[at.name] = {}
  }
  for (const f of sync.writes) {
    const at = parentOf(f.path, true)
    if (at) at.dir[at.name] = f.data
  }
}

const same = (a, b) => {
  if (a === b) return true
  if (a.length !== b.length) return false
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false
  return true
}

/** What the run wrote: files and folders in `after` that are new or changed since `before`. */
function changesOf(before, after) {
  const writes = []
  const dirs = []
  const walk = (was, now, prefix) => {
    for (const [name, entry] of Object.entries(now)) {
      const path = prefix + '/' + name
      const old = was?.[name]
      if (path === '/usr' || path === '/.nimbus') continue
      // The driver's own failures come back with ASCII files decoded to strings.
      const node = typeof entry === 'string' ? new TextEncoder().encode(entry) : entry
      if (node instanceof Uint8Array) {
        if (!(old instanceof Uint8Array) || !same(old, node)) writes.push({ path, data: node, mode: 0o644 })
      } else {
        if (old === undefined || old instanceof Uint8Array) dirs.push(path)
        walk(old instanceof Uint8Array ? undefined : old, node, path)
      }
    }
  }
  walk(tree, after, '')
  return { writes, dirs, removes: [] }
}

const collect = (chunks) => (bytes) => {
  if (bytes) chunks.push(bytes.slice())
}

const quiet = { fetchProgress: () => {}, decodeASCII: false }

/** Compiles the working-directory object once per isolate. */
async function initialCwdObject() {
  if (!cwdObject) {
    const out = await commands.clang(['-c', '-O2', '/src/initial-cwd.c', '-o', '/src/initial-cwd.o'], { src: { 'initial-cwd.c': CWD_SOURCE } }, { ...quiet, stdout: () => {}, stderr: () => {} })
    cwdObject = out.src['initial-cwd.o']
  }
  return cwdObject
}

export default class ClangIsolate extends WorkerEntrypoint {
  /** Receives the data segments and sysroot (gzip-compressed), once per isolate. */
  async prime(resources) {
    await prime(resources)
  }

  /** `req.target` is the tool (`clang` or `clang++`), `req.argv` its arguments (paths absolute). */
  async run(req) {
    const started = Date.now()
    const fresh = instance === undefined
    instance ??= crypto.randomUUID()
    if (req.base !== null && req.base !== instance) return { needFull: true, instance }
    if (!isPrimed()) return { needResources: true, instance }
    applySync(req.sync)
    const tool = commands[req.target]
    const stdout = []
    const stderr = []
    const args = req.argv.map(toMount)
    const input = { ...tree }
    delete input.usr
    if (input.tmp) input[TMP_MOUNT] = input.tmp
    delete input.tmp
    if (req.env.NIMBUS_CLANG_LINK === '1') {
      input['.nimbus'] = { 'initial-cwd.o': await initialCwdObject() }
      // `-x none`: an earlier `-x c` must not make the object a C source.
      args.push('-x', 'none', CWD_OBJECT)
    }
    let stdinBytes = req.stdin
    const options = {
      ...quiet,
      stdin: () => {
        const chunk = stdinBytes
        stdinBytes = null
        return chunk && chunk.length ? chunk : null
      },
      stdout: collect(stdout),
      stderr: collect(stderr),
    }
    let exitCode = 0
    let files
    try {
      files = await tool(args, input, options)
    } catch (e) {
      if (!(e instanceof Exit)) throw e
      exitCode = e.code || 1
      files = e.files
    }
    if (files && files[TMP_MOUNT]) {
      files.tmp = files[TMP_MOUNT]
      delete files[TMP_MOUNT]
    }
    const changes = files ? changesOf(tree, files) : { writes: [], dirs: [], removes: [] }
    const errText = new TextDecoder().decode(concat(stderr))
    const verbose = req.argv.includes('-v')
    applySync({ full: false, removes: [], dirs: changes.dirs, writes: changes.writes })
    return {
      instance,
      exitCode,
      timedOut: false,
      stdout: concat(stdout),
      stderr: new TextEncoder().encode(fromMount(verbose ? errText : withoutBanner(errText))),
      changes,
      stats: { fresh, snapshot: false, ms: Date.now() - started },
    }
  }
}
