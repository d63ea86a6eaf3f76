/**
 * One Python run for a sandbox: sync the sandbox's files into its isolate, run, land the
 * changes back in the VFS, and stop runaway code. Runs in one sandbox are serialised (they
 * share one mirror); each sandbox instance has its own isolate, so no two sandboxes ever
 * share interpreter state or files.
 */
import type { Vfs } from '../../vfs/types.js'
import type { RuntimeBindings } from '../assets/env.js'
import { FileMirror } from './mirror.js'
import { PYTHON_SPEC, startIsolate, type IsolateRunRequest, type IsolateRunResult, type IsolateSpec } from './isolate.js'

/** How long a run may take by default before it is stopped. */
export const DEFAULT_TIMEOUT_MS = 30_000
/** Interrupt checks per millisecond assumed when the isolate's clock stands still. */
const CHECKS_PER_MS = 4_000
/** Extra time the session waits beyond the run's own limit (boot, file sync). */
const GRACE_MS = 30_000

export interface PythonJob {
  mode: IsolateRunRequest['mode']
  target: string
  argv: string[]
  cwd: string
  env: Record<string, string>
  stdin: Uint8Array
  timeoutMs?: number
  signal?: AbortSignal
}

export interface PythonOutcome {
  exitCode: number
  stdout: Uint8Array
  stderr: Uint8Array
  /** Why the run was stopped, when it was: a message for stderr. */
  stopped?: string
  /** Files the run wrote that could not be stored (e.g. quota). */
  fileErrors: string[]
  stats?: IsolateRunResult['stats']
}

interface SandboxState {
  key: string
  generation: number
  mirror: FileMirror
  queue: Promise<unknown>
  /** Loader ids this session has started; others need their assets loaded first. */
  started: Set<string>
}

const states = new WeakMap<Vfs, Map<string, SandboxState>>()

const stateOf = (fs: Vfs, spec: IsolateSpec): SandboxState => {
  let byRuntime = states.get(fs)
  if (!byRuntime) {
    byRuntime = new Map()
    states.set(fs, byRuntime)
  }
  let s = byRuntime.get(spec.runtime)
  if (!s) {
    s = { key: crypto.randomUUID(), generation: 0, mirror: new FileMirror(), queue: Promise.resolve(), started: new Set() }
    byRuntime.set(spec.runtime, s)
  }
  return s
}

/** Abandons the sandbox's isolate: the next run starts a fresh one and resends every file. */
function abandon(state: SandboxState): void {
  state.generation++
  state.mirror.reset()
}

class Stopped extends Error {
  constructor(
    readonly exitCode: number,
    message: string,
  ) {
    super(message)
  }
}

async function runOnce(fs: Vfs, env: RuntimeBindings, spec: IsolateSpec, state: SandboxState, job: PythonJob): Promise<PythonOutcome> {
  const timeoutMs = job.timeoutMs ?? DEFAULT_TIMEOUT_MS
  const graceMs = spec.graceMs ?? GRACE_MS
  const id = spec.idOf(state.key, state.generation)
  // Load the assets here when this session has not started the isolate yet, so a failed
  // download reports which runtime and asset, and why.
  const preloaded = state.started.has(id) ? undefined : await spec.loadModules(env)
  const isolate = startIsolate(env, spec, id, timeoutMs + graceMs, preloaded)
  const request = (): IsolateRunRequest => ({
    base: state.mirror.base,
    sync: state.mirror.diff(fs),
    mode: job.mode,
    target: job.target,
    argv: job.argv,
    cwd: job.cwd,
    env: job.env,
    stdin: job.stdin,
    timeoutMs,
    maxChecks: timeoutMs * CHECKS_PER_MS,
  })
  let timer: ReturnType<typeof setTimeout> | undefined
  let onAbort: (() => void) | undefined
  const guard = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Stopped(124, `${spec.runtime}: stopped after ${formatSeconds(timeoutMs + graceMs)}: time limit exceeded`)), timeoutMs + graceMs)
    onAbort = () => reject(new Stopped(130, 'KeyboardInterrupt'))
    if (job.signal?.aborted) onAbort()
    else job.signal?.addEventListener('abort', onAbort, { once: true })
  })
  try {
    let result = await Promise.race([isolate.run(request()), guard])
    if (result.needResources && spec.resources) {
      await Promise.race([isolate.prime(await spec.resources(env)), guard])
      state.mirror.reset()
      result = await Promise.race([isolate.run(request()), guard])
    }
    if (result.needFull) {
      state.mirror.reset()
      result = await Promise.race([isolate.run(request()), guard])
    }
    state.started.add(id)
    state.mirror.base = result.instance
    const fileErrors = state.mirror.apply(fs, result.changes)
    const outcome: PythonOutcome = { exitCode: result.exitCode, stdout: result.stdout, stderr: result.stderr, fileErrors, stats: result.stats }
    if (result.timedOut) outcome.stopped = `${spec.runtime}: stopped after ${formatSeconds(timeoutMs)}: time limit exceeded (set NIMBUS_${spec.runtime.toUpperCase()}_TIMEOUT_MS to change it)`
    return outcome
  } catch (e) {
    // The isolate may be stuck or gone; its file state is unknown either way.
    abandon(state)
    if (e instanceof Stopped) return { exitCode: e.exitCode, stdout: new Uint8Array(), stderr: new Uint8Array(), stopped: e.message, fileErrors: [] }
    throw e
  } finally {
    if (timer !== undefined) clearTimeout(timer)
    if (onAbort) job.signal?.removeEventListener('abort', onAbort)
  }
}

const formatSeconds = (ms: number): string => (ms % 1000 === 0 ? `${ms / 1000} s` : `${(ms / 1000).toFixed(1)} s`)

/** Runs `job` in `spec`'s isolate for the sandbox that owns `fs`, after any run in progress there. */
export function runInIsolate(fs: Vfs, env: RuntimeBindings, spec: IsolateSpec, job: PythonJob): Promise<PythonOutcome> {
  const state = stateOf(fs, spec)
  const next = state.queue.then(() => runOnce(fs, env, spec, state, job))
  state.queue = next.catch(() => undefined)
  return next
}

/** Runs a Python job (see runInIsolate). */
export const runPython = (fs: Vfs, env: RuntimeBindings, job: PythonJob): Promise<PythonOutcome> => runInIsolate(fs, env, PYTHON_SPEC, job)

/** True when this sandbox has a running interpreter of `spec` (an isolate that answered). */
export function isolateIsWarm(fs: Vfs, spec: IsolateSpec): boolean {
  const state = states.get(fs)?.get(spec.runtime)
  return state !== undefined && state.started.has(spec.idOf(state.key, state.generation))
}

export const pythonIsWarm = (fs: Vfs): boolean => isolateIsWarm(fs, PYTHON_SPEC)

/** Boots the sandbox's isolate (loading assets if needed) without running user code. */
export async function warmPython(fs: Vfs, env: RuntimeBindings): Promise<void> {
  const outcome = await runPython(fs, env, { mode: 'code', target: 'pass', argv: ['-c'], cwd: '/', env: {}, stdin: new Uint8Array() })
  if (outcome.exitCode !== 0) throw new Error(new TextDecoder().decode(outcome.stderr) || `exit ${outcome.exitCode}`)
}
