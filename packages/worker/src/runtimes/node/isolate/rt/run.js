// One program run inside the isolate: install the globals, run the program, keep going
// while timers, requests or servers hold it open (Node's event loop rule), then report
// the exit code with the last output and filesystem changes.
import { state, reset, fatal, exitNow, takeOutput, flushOutput, ExitSignal, CpuLimitError, realSetTimeout, realClearTimeout } from './state.js'
import { load, takeOps } from './vfs.js'
import { flushFs } from './flush.js'
import { console as programConsole } from './console.js'
import { process } from '../node/process.js'
import * as timers from '../node/timers.js'
import { Buffer } from 'node:buffer'

const realFetch = globalThis.fetch
const macrotask = () => new Promise((r) => realSetTimeout(r, 0))

globalThis.addEventListener?.('unhandledrejection', (ev) => {
  ev.preventDefault?.()
  if (state.job && !state.exited) fatal(ev.reason)
})
globalThis.addEventListener?.('error', (ev) => {
  ev.preventDefault?.()
  if (state.job && !state.exited) fatal(ev.error)
})

let ticks = 0
let tickLimit = 5e8
function tick() {
  if (++ticks > tickLimit) throw new CpuLimitError(tickLimit)
  return true
}

function installGlobals() {
  const g = globalThis
  ticks = 0
  tickLimit = state.job.loopLimit ?? 5e8
  const define = (k, v) => Object.defineProperty(g, k, { value: v, writable: true, configurable: true, enumerable: false })
  define('process', process)
  define('console', programConsole)
  define('global', g)
  define('__nimbusTick', tick)
  define('Buffer', Buffer)
  for (const k of ['setTimeout', 'setInterval', 'setImmediate', 'clearTimeout', 'clearInterval', 'clearImmediate']) define(k, timers[k])
  define('fetch', async (...args) => {
    const h = { close() {} }
    state.handles.add(h)
    try {
      return await realFetch(...args)
    } finally {
      state.handles.delete(h)
      state.changed()
    }
  })
}

let dirtyTimer = null
export async function run(job, io, program) {
  reset(job, io)
  state.env = { ...job.env }
  state.stdin = null
  state.onExit = (code) => process.emit('exit', code)
  // Changes reach SQLite within a second even while a server keeps the program open.
  state.fsDirty = () => {
    dirtyTimer ??= realSetTimeout(() => {
      dirtyTimer = null
      void flushFs()
    }, 1000)
  }
  load(job.snapshot)
  installGlobals()
  process.exitCode = undefined
  process.removeAllListeners()
  try {
    await program.default({ filename: job.filename, dirname: job.dirname, tick })
  } catch (e) {
    fatal(e)
  }
  while (!state.exited) {
    if (state.handles.size === 0) {
      await macrotask()
      if (state.handles.size === 0 && !state.exited) {
        process.emit('beforeExit', process.exitCode ?? 0)
        await macrotask()
        if (state.handles.size === 0) break
      }
      continue
    }
    // A real timer stays pending while the program waits, so the runtime does not take
    // a server that is only waiting for requests for a hung request.
    let beat
    await Promise.race([state.wait(), new Promise((r) => (beat = realSetTimeout(r, 1000)))])
    realClearTimeout(beat)
  }
  if (!state.exited) exitNow(Number(process.exitCode ?? 0) | 0)
  await flushOutput().catch(() => {})
  return { exitCode: state.exitCode, output: takeOutput(), ops: takeOps() }
}

/** A request for one of the program's listening ports. */
export async function serve(port, request) {
  const server = state.servers.get(port)
  if (!server) return new Response(`Nothing is listening on port ${port}`, { status: 502 })
  return server.handle(request)
}

export function kill(code = 130) {
  if (!state.exited) exitNow(code)
}

export { ExitSignal }
