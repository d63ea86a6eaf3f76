/** Job control builtins: `jobs`, `fg`, `bg`, `wait`, `kill` (with %N job specs). */
import { sandboxHostOf } from '../../sandbox/host.js'
import { InterruptSignal } from '../errors.js'
import { JobTable, type Job } from '../jobs.js'
import { signalName } from './trap.js'
import { defineBuiltin, fail, out, state } from './types.js'

export const jobs = defineBuiltin({
  name: 'jobs',
  usage: 'jobs [-lp]',
  async run(ctx) {
    const table = ctx.interp.rt.jobs
    const list = table.list()
    const current = table.current()
    let text = ''
    const pidsOnly = ctx.args.includes('-p')
    const long = ctx.args.includes('-l')
    for (const j of list) {
      if (pidsOnly) text += `${j.pid}\n`
      else {
        const line = JobTable.format(j, j === current)
        text += long ? line.replace(/^(\[\d+\][+-]) /, `$1 ${j.pid}`) + '\n' : line + '\n'
      }
    }
    await out(ctx, text)
    return 0
  },
})

/** Waits for a job while honouring the caller's abort signal (Ctrl-C stops the job). */
async function awaitJob(job: Job, signal: AbortSignal): Promise<number> {
  if (signal.aborted) {
    job.controller.abort(signal.reason)
    throw new InterruptSignal(130)
  }
  let onAbort: (() => void) | undefined
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => {
      job.controller.abort(signal.reason)
      reject(new InterruptSignal(130))
    }
    signal.addEventListener('abort', onAbort, { once: true })
  })
  try {
    return await Promise.race([job.promise, aborted])
  } finally {
    if (onAbort) signal.removeEventListener('abort', onAbort)
  }
}

export const fg = defineBuiltin({
  name: 'fg',
  usage: 'fg [job_spec]',
  async run(ctx) {
    const table = ctx.interp.rt.jobs
    const job = table.resolve(ctx.args[0])
    if (!job) return fail(ctx, `${ctx.args[0] ?? 'current'}: no such job`)
    await out(ctx, `${job.text}\n`)
    table.forget(job)
    job.state = 'Running'
    job.resume?.()
    return awaitJob(job, ctx.env.signal)
  },
})

export const bg = defineBuiltin({
  name: 'bg',
  usage: 'bg [job_spec ...]',
  async run(ctx) {
    const table = ctx.interp.rt.jobs
    const job = table.resolve(ctx.args[0])
    if (!job) return fail(ctx, `${ctx.args[0] ?? 'current'}: no such job`)
    if (job.state === 'Running') return fail(ctx, `job ${job.id} already in background`, 0)
    job.state = 'Running'
    job.resume?.()
    await out(ctx, `[${job.id}]+ ${job.text} &\n`)
    return 0
  },
})

export const wait = defineBuiltin({
  name: 'wait',
  usage: 'wait [id ...]',
  async run(ctx) {
    const table = ctx.interp.rt.jobs
    if (ctx.args.length === 0) {
      for (const j of table.list()) await awaitJob(j, ctx.env.signal)
      table.takeFinished()
      return 0
    }
    let status = 0
    for (const a of ctx.args) {
      const job = table.resolve(a)
      if (!job) {
        status = await fail(ctx, `${a}: no such job`, 127)
        continue
      }
      status = await awaitJob(job, ctx.env.signal)
    }
    return status
  },
})

const SIGNAL_STATUS: Record<string, number> = { HUP: 129, INT: 130, QUIT: 131, KILL: 137, TERM: 143, USR1: 138, USR2: 140 }

export const kill = defineBuiltin({
  name: 'kill',
  usage: 'kill [-s sigspec | -sigspec] pid | jobspec ... or kill -l',
  async run(ctx) {
    const args = ctx.args.slice()
    let sig = 'TERM'
    const externalKill = ctx.interp.rt.commands.get('kill')
    if ((args[0] === '-l' || args[0] === '-L') && externalKill) return ctx.interp.runCommandObject(externalKill, ['kill', ...args], ctx.env)
    if (args[0] === '-l' || args[0] === '-L') {
      await out(ctx, ' 1) SIGHUP\t 2) SIGINT\t 3) SIGQUIT\t 9) SIGKILL\n10) SIGUSR1\t12) SIGUSR2\t15) SIGTERM\t18) SIGCONT\n19) SIGSTOP\t20) SIGTSTP\n')
      return 0
    }
    if (args[0] === '-s' || args[0] === '-n') {
      args.shift()
      const s = signalName(args.shift() ?? '')
      if (!s) return fail(ctx, 'invalid signal specification')
      sig = s
    } else if (args[0]?.startsWith('-') && args[0] !== '--') {
      const s = signalName(args.shift()!.slice(1))
      if (!s) return fail(ctx, 'invalid signal specification')
      sig = s
    }
    if (args[0] === '--') args.shift()
    if (args.length === 0) return fail(ctx, 'usage: kill [-s sigspec | -n signum | -sigspec] pid | jobspec ... or kill -l [sigspec]', 2)
    const table = ctx.interp.rt.jobs
    const st = state(ctx)
    let status = 0
    // Plain pids that are not shell jobs belong to the sandbox's process table: the
    // registered `kill` command handles those.
    const external = ctx.interp.rt.commands.get('kill')
    const others = args.filter((a) => /^\d+$/.test(a) && a !== '1' && !table.resolve(a))
    if (external && others.length) {
      status = await ctx.interp.runCommandObject(external, ['kill', '-s', sig, ...others], ctx.env)
    }
    for (const a of args) {
      if (external && others.includes(a)) continue
      if (a === '1' || a === '$$' || a === String(ctx.interp.special('$'))) {
        // The shell itself: run the trap if there is one, else it is interrupted.
        const trap = st.traps.get(sig)
        if (trap !== undefined) {
          await ctx.interp.evalString(trap, ctx.env)
          continue
        }
        throw new InterruptSignal(SIGNAL_STATUS[sig] ?? 143)
      }
      const job = table.resolve(a)
      if (!job) {
        // Not a job of this shell: maybe a sandbox process (started by the SDK or another shell).
        const processes = /^\d+$/.test(a) ? sandboxHostOf(ctx.interp.rt.fs)?.processes : undefined
        if (processes?.isRunning(Number(a)) && sig !== 'STOP' && sig !== 'TSTP' && sig !== 'CONT') {
          await processes.kill(Number(a))
          continue
        }
        status = await fail(ctx, a.startsWith('%') ? `${a}: no such job` : `(${a}) - No such process`)
        continue
      }
      if (sig === 'STOP' || sig === 'TSTP') {
        job.state = 'Stopped'
        continue
      }
      if (sig === 'CONT') {
        job.state = 'Running'
        job.resume?.()
        continue
      }
      job.controller.abort({ status: SIGNAL_STATUS[sig] ?? 143 })
      job.resume?.()
    }
    return status
  },
})
