/**
 * Background jobs (`cmd &`): each runs in a subshell with its own abort controller, so
 * `kill %1` stops it and `wait`/`fg` can await it. Finished jobs are reported once at
 * the next prompt, as bash does.
 */
import type { AndOr } from './ast.js'
import { ExitSignal, InterruptSignal, ShellError } from './errors.js'
import { type ExecEnv, type Interpreter, MAX_PROCS } from './interpreter.js'
import { emptyLineInput } from './streams.js'

export type JobState = 'Running' | 'Stopped' | 'Done' | 'Exit' | 'Terminated'

export interface Job {
  id: number
  pid: number
  text: string
  state: JobState
  status?: number
  promise: Promise<number>
  controller: AbortController
  /** Resolves a stopped job's gate; undefined while it runs freely. */
  resume?: () => void
  gate?: Promise<void>
}

export class JobTable {
  private jobs = new Map<number, Job>()
  private finished: Job[] = []
  private nextPid = 1000

  list(): Job[] {
    return [...this.jobs.values()].sort((a, b) => a.id - b.id)
  }

  get(id: number): Job | undefined {
    return this.jobs.get(id)
  }

  /** The most recent job (`%+`, `%%`, or no job spec). */
  current(): Job | undefined {
    const all = this.list()
    return all[all.length - 1]
  }

  byPid(pid: number): Job | undefined {
    return this.list().find((j) => j.pid === pid)
  }

  private allocate(): number {
    let id = 1
    while (this.jobs.has(id)) id++
    return id
  }

  spawn(interp: Interpreter, node: AndOr, env: ExecEnv, text = 'job'): Job {
    if (interp.rt.procs >= MAX_PROCS) throw new ShellError('depth', 'fork: retry: Resource temporarily unavailable')
    interp.rt.procs++
    const sub = interp.fork()
    const controller = new AbortController()
    const id = this.allocate()
    const pid = ++this.nextPid
    const io = { ...env.io, stdin: emptyLineInput() }
    const job: Job = { id, pid, text, state: 'Running', controller, promise: Promise.resolve(0) }
    job.promise = (async () => {
      try {
        return await sub.runAndOr(node, { io, signal: controller.signal })
      } catch (e) {
        if (e instanceof ExitSignal) return e.status
        if (e instanceof InterruptSignal) return e.status
        return 1
      }
    })().then((status) => {
      interp.rt.procs--
      job.status = status
      job.state = controller.signal.aborted ? 'Terminated' : status === 0 ? 'Done' : 'Exit'
      this.jobs.delete(id)
      this.finished.push(job)
      return status
    })
    this.jobs.set(id, job)
    interp.state.lastBgPid = pid
    return job
  }

  /** Adopts a running foreground command as a stopped job (Ctrl-Z). */
  adopt(text: string, promise: Promise<number>, controller: AbortController, pause: { gate?: Promise<void>; resume?: () => void }): Job {
    const id = this.allocate()
    const job: Job = { id, pid: ++this.nextPid, text, state: 'Stopped', controller, promise }
    if (pause.gate) job.gate = pause.gate
    if (pause.resume) job.resume = pause.resume
    this.jobs.set(id, job)
    promise.then((status) => {
      job.status = status
      job.state = controller.signal.aborted ? 'Terminated' : status === 0 ? 'Done' : 'Exit'
      this.jobs.delete(id)
      this.finished.push(job)
    }, () => this.jobs.delete(id))
    return job
  }

  /** Removes a job from the table without reporting it (fg takes it over). */
  forget(job: Job): void {
    this.jobs.delete(job.id)
    job.promise.then(() => {
      const i = this.finished.indexOf(job)
      if (i >= 0) this.finished.splice(i, 1)
    }, () => undefined)
  }

  /** Jobs that ended since the last call (for the prompt's `[1]+  Done` lines). */
  takeFinished(): Job[] {
    const f = this.finished
    this.finished = []
    return f
  }

  /** `%1`, `%+`, `%-`, `%str`, or a pid. */
  resolve(spec: string | undefined): Job | undefined {
    if (spec === undefined || spec === '%' || spec === '%%' || spec === '%+') return this.current()
    if (spec === '%-') {
      const all = this.list()
      return all[all.length - 2] ?? all[all.length - 1]
    }
    if (spec.startsWith('%')) {
      const rest = spec.slice(1)
      if (/^\d+$/.test(rest)) return this.get(Number(rest))
      return this.list().find((j) => j.text.startsWith(rest))
    }
    if (/^\d+$/.test(spec)) return this.byPid(Number(spec))
    return undefined
  }

  static format(job: Job, current: boolean): string {
    const state = job.state === 'Exit' ? `Exit ${job.status}` : job.state
    return `[${job.id}]${current ? '+' : '-'}  ${state.padEnd(24)}${job.text}${job.state === 'Running' ? ' &' : ''}`
  }
}
