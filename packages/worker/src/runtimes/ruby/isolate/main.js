/**
 * The Ruby Worker Loader isolate: CRuby 3.3 (ruby.wasm with its standard library) on a
 * WASI shim, kept alive between runs. The sandbox's files are mirrored into the shim's
 * in-memory tree before a run and what the program changed is sent back after it, the
 * same exchange the Python isolate uses. Bundled at build time into the runtime assets.
 */
import { WorkerEntrypoint } from 'cloudflare:workers'
import { ConsoleStdout, File, OpenFile, PreopenDirectory, WASI } from '@bjorn3/browser_wasi_shim'
import { RubyVM } from '@ruby/wasm-wasi/dist/vm'
import rubyModule from './ruby.wasm'
import { applySync, collectChanges, concat } from '../../wasi/shim-tree.js'
import { BUDGET_EXPORT, RUBY_LOOPS_PER_MS } from '../../wasi/loop-budget.ts'

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
  return RubyVM.instantiateModule({ module: rubyModule, wasip1: wasi, args: ['ruby.wasm', '-EUTF-8', '-e_=0'] }).then(({ vm, instance: inst }) => {
    vm.eval(PRELUDE)
    return { vm, wasi, root: root.dir, known: new Map(), budget: inst.exports[BUDGET_EXPORT] }
  })
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
    let timedOut = false
    // The clock stands still while Ruby computes: its time limit is counted in loops.
    if (st.budget) st.budget.value = BigInt(req.timeoutMs * RUBY_LOOPS_PER_MS)
    try {
      exitCode = Number(st.vm.eval(call).toString())
    } catch (e) {
      // exit!, a fatal error or a spent loop budget ends the interpreter: the next run boots a new one.
      state = undefined
      instance = undefined
      const code = e && typeof e.code === 'number' ? e.code : undefined
      timedOut = code === undefined && st.budget !== undefined && st.budget.value <= 0n
      exitCode = timedOut ? 124 : (code ?? 1)
      // Ruby reports the trap as a VM crash; for a spent budget the time-limit message says it all.
      if (timedOut) io.err = []
      else if (code === undefined) io.err.push(new TextEncoder().encode('ruby: ' + (e && e.message ? e.message : String(e)) + '\n'))
    }
    const changes = state ? collectChanges(st, SKIP_ROOTS) : { writes: [], dirs: [], removes: [] }
    return {
      instance: instance ?? 'ended',
      exitCode,
      timedOut,
      stdout: concat(io.out),
      stderr: concat(io.err),
      changes,
      stats: { fresh, snapshot: false, ms: Date.now() - started },
    }
  }
}
