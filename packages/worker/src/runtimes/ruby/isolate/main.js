/**
 * The Ruby Worker Loader isolate: CRuby 3.3 (ruby.wasm with its standard library) on a
 * WASI shim, kept alive between runs. The sandbox's files are mirrored into the shim's
 * in-memory tree before a run and what the program changed is sent back after it, the
 * same exchange the Python isolate uses. Bundled at build time into the runtime assets.
 */
import { WorkerEntrypoint } from 'cloudflare:workers'
import { ConsoleStdout, Directory, File, OpenFile, PreopenDirectory, WASI } from '@bjorn3/browser_wasi_shim'
import { RubyVM } from '@ruby/wasm-wasi/dist/vm'
import rubyModule from './ruby.wasm'

const SKIP_ROOTS = new Set(['/dev', '/proc', '/sys', '/usr/local/lib/ruby'])
const io = { out: [], err: [] }
let state
let instance

const PRELUDE = String.raw`
def __nimbus_run(mode, code, argv, cwd, env)
  d = ->(s) { s.unpack1('m0').force_encoding(Encoding::UTF_8) }
  ARGV.replace(argv.map(&d))
  ENV.replace(env.transform_keys(&d).transform_values(&d))
  Dir.chdir(d.(cwd))
  $stdin = STDIN
  $stdout = STDOUT
  $stderr = STDERR
  status = 0
  begin
    if mode == 'code'
      $0 = '-e'
      TOPLEVEL_BINDING.eval(d.(code), '-e', 1)
    else
      $0 = d.(code)
      load(File.expand_path($0))
    end
  rescue SystemExit => e
    status = e.status
  rescue Exception => e
    # Frames of this wrapper are not the program's.
    bt = e.backtrace
    e.set_backtrace(bt.reject { |l| l.start_with?('eval:') || l.start_with?('-e:in ') }) if bt
    STDERR.print(e.full_message(highlight: false))
    status = 1
  ensure
    STDOUT.flush rescue nil
    STDERR.flush rescue nil
  end
  status
end
`

function boot() {
  const root = new PreopenDirectory('/', new Map())
  const fds = [
    new OpenFile(new File([])),
    new ConsoleStdout((b) => io.out.push(b.slice())),
    new ConsoleStdout((b) => io.err.push(b.slice())),
    root,
  ]
  const wasi = new WASI([], [], fds, { debug: false })
  return RubyVM.instantiateModule({ module: rubyModule, wasip1: wasi, args: ['ruby.wasm', '-EUTF-8', '-e_=0'] }).then(({ vm }) => {
    vm.eval(PRELUDE)
    return { vm, wasi, root: root.dir, known: new Map() }
  })
}

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

function applySync(st, sync) {
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

function collectChanges(st) {
  const writes = []
  const dirs = []
  const seen = new Set()
  const walk = (dir, prefix) => {
    for (const [name, node] of dir.contents) {
      const path = prefix + '/' + name
      if (SKIP_ROOTS.has(path)) continue
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

const concat = (chunks) => {
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

const b64 = (s) => btoa(String.fromCharCode(...new TextEncoder().encode(s)))
const rubyStr = (s) => "'" + b64(s) + "'"

export default class RubyIsolate extends WorkerEntrypoint {
  async run(req) {
    const started = Date.now()
    const fresh = state === undefined
    instance ??= crypto.randomUUID()
    state ??= boot().catch((e) => {
      state = undefined
      throw e
    })
    const st = await state
    if (req.base !== null && req.base !== instance) return { needFull: true, instance }
    applySync(st, req.sync)
    io.out = []
    io.err = []
    st.wasi.fds[0] = new OpenFile(new File(req.stdin))
    const env = Object.entries(req.env).map(([k, v]) => rubyStr(k) + ' => ' + rubyStr(v)).join(', ')
    const call = '__nimbus_run(' + [JSON.stringify(req.mode), rubyStr(req.target), '[' + req.argv.map(rubyStr).join(', ') + ']', rubyStr(req.cwd), '{' + env + '}'].join(', ') + ')'
    let exitCode
    try {
      exitCode = Number(st.vm.eval(call).toString())
    } catch (e) {
      // exit! or a fatal error ends the interpreter: the next run boots a new one.
      state = undefined
      instance = undefined
      const code = e && typeof e.code === 'number' ? e.code : undefined
      exitCode = code ?? 1
      if (code === undefined) io.err.push(new TextEncoder().encode('ruby: ' + (e && e.message ? e.message : String(e)) + '\n'))
    }
    const changes = state ? collectChanges(st) : { writes: [], dirs: [], removes: [] }
    return {
      instance: instance ?? 'ended',
      exitCode,
      timedOut: false,
      stdout: concat(io.out),
      stderr: concat(io.err),
      changes,
      stats: { fresh, snapshot: false, ms: Date.now() - started },
    }
  }
}
