// Per-run state shared by the isolate's shims: the I/O target, handles that keep the
// program alive (timers, requests, servers), output buffers and the exit latch.
import { inspect } from 'node:util'

const realSetTimeout = globalThis.setTimeout
const realClearTimeout = globalThis.clearTimeout

export class ExitSignal {
  constructor(code) {
    this.code = code
  }
}

/** Thrown by the loop guard once the program has used up its iteration budget. */
export class CpuLimitError extends Error {
  constructor(limit) {
    super(`the program was stopped: it ran ${limit} loop iterations without finishing (CPU limit)`)
    this.name = 'CpuLimitError'
  }
}

export const state = {
  io: null,
  job: null,
  handles: new Set(),
  exited: false,
  exitCode: 0,
  out: [],
  outBytes: 0,
  flushTimer: null,
  waiters: [],
  servers: new Map(),
  changed() {
    const w = this.waiters
    this.waiters = []
    for (const r of w) r()
  },
  wait() {
    return new Promise((r) => this.waiters.push(r))
  },
}

export function reset(job, io) {
  state.io = io
  state.job = job
  state.handles = new Set()
  state.exited = false
  state.exitCode = 0
  state.out = []
  state.outBytes = 0
  state.waiters = []
  state.servers = new Map()
}

/** Buffers program output; flushed in batches so a chatty program costs few RPCs. */
export function emit(fd, text) {
  if (state.exited || text === '') return
  state.out.push([fd, text])
  state.outBytes += text.length
  if (state.outBytes > 65536) void flushOutput()
  else if (!state.flushTimer) state.flushTimer = realSetTimeout(() => void flushOutput(), 15)
}

export async function flushOutput() {
  if (state.flushTimer) realClearTimeout(state.flushTimer)
  state.flushTimer = null
  const batch = takeOutput()
  if (batch.length && state.io) await state.io.write(batch)
}

export function takeOutput() {
  const batch = []
  for (const [fd, text] of state.out) {
    const last = batch[batch.length - 1]
    if (last && last[0] === fd) last[1] += text
    else batch.push([fd, text])
  }
  state.out = []
  state.outBytes = 0
  return batch
}

/** Node's way of printing an error that ended the program. */
export function describeError(err) {
  if (err instanceof Error) return inspect(err)
  return `Uncaught ${inspect(err)}`
}

export function fatal(err) {
  if (err instanceof ExitSignal) return exitNow(err.code)
  if (state.exited) return
  if (err instanceof CpuLimitError) {
    emit(2, `node: ${err.message}\n`)
    return exitNow(152)
  }
  emit(2, `${describeError(err)}\n\nNode.js ${state.job?.version ?? 'v22.12.0'}\n`)
  exitNow(typeof err?.exitCode === 'number' ? err.exitCode : 1)
}

export function exitNow(code) {
  if (state.exited) return
  state.exitCode = code
  try {
    state.onExit?.(code)
  } catch {}
  state.exited = true
  for (const h of state.handles) h.close?.()
  state.handles.clear()
  state.changed()
}

export { realSetTimeout, realClearTimeout }
