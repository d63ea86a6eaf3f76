/**
 * The isolate that runs one compiled C/C++ program (a WASI preview 1 module, handed over by
 * the Worker Loader as `program.wasm`) on a WASI shim over the sandbox's mirrored files.
 * The module is compiled once per isolate; each run gets a fresh instance, so globals start
 * clean, as a new process's would.
 */
import { WorkerEntrypoint } from 'cloudflare:workers'
import { ConsoleStdout, File, OpenFile, PreopenDirectory, WASI, WASIProcExit } from '@bjorn3/browser_wasi_shim'
import program from './program.wasm'
import { applySync, collectChanges, concat } from '../../wasi/shim-tree.js'
import { BUDGET_EXPORT, LOOPS_PER_MS } from '../../wasi/loop-budget.ts'

const SKIP_ROOTS = new Set(['/dev', '/proc', '/sys'])

let instance
let st

export default class ProgramIsolate extends WorkerEntrypoint {
  async run(req) {
    const started = Date.now()
    const fresh = st === undefined
    instance ??= crypto.randomUUID()
    st ??= { root: new PreopenDirectory('/', new Map()), known: new Map() }
    if (req.base !== null && req.base !== instance) return { needFull: true, instance }
    applySync({ root: st.root.dir, known: st.known }, req.sync)
    const out = []
    const err = []
    const fds = [new OpenFile(new File(req.stdin)), new ConsoleStdout((b) => out.push(b.slice())), new ConsoleStdout((b) => err.push(b.slice())), st.root]
    const env = Object.entries({ ...req.env, PWD: req.cwd }).map(([k, v]) => `${k}=${v}`)
    const wasi = new WASI([req.target, ...req.argv], env, fds, { debug: false })
    let exitCode
    let timedOut = false
    let budget
    try {
      const inst = new WebAssembly.Instance(program, { wasi_snapshot_preview1: wasi.wasiImport })
      budget = inst.exports[BUDGET_EXPORT]
      // The clock stands still while a program computes: its time limit is counted in loops.
      if (budget) budget.value = BigInt(req.timeoutMs * LOOPS_PER_MS)
      exitCode = wasi.start(inst)
    } catch (e) {
      if (e instanceof WASIProcExit) exitCode = e.code
      else if (budget && budget.value <= 0n) {
        timedOut = true
        exitCode = 124
      } else {
        // A trap (unreachable, out-of-bounds access, stack overflow) ends the program like a signal.
        err.push(new TextEncoder().encode(`${req.target}: ${e instanceof Error ? e.message : String(e)}\n`))
        exitCode = 134
      }
    }
    return {
      instance,
      exitCode,
      timedOut,
      stdout: concat(out),
      stderr: concat(err),
      changes: collectChanges({ root: st.root.dir, known: st.known }, SKIP_ROOTS),
      stats: { fresh, snapshot: false, ms: Date.now() - started },
    }
  }
}
