/**
 * Pipelines: every stage runs concurrently in its own subshell, joined by bounded pipes.
 * When a reader finishes, its pipe closes and the writer's next write throws
 * BrokenPipeError, so `yes | head -n 3` ends instead of filling memory.
 */
import { createPipe, type PipeReader, type PipeWriter } from '../commands/io.js'
import { BrokenPipeError } from '../commands/types.js'
import type { Pipeline } from './ast.js'
import { BreakSignal, ContinueSignal, ExitSignal, InterruptSignal, ReturnSignal } from './errors.js'
import { type ExecEnv, type Interpreter, MAX_PROCS } from './interpreter.js'
import { type Io, lineInput } from './streams.js'

export async function runPipeline(interp: Interpreter, p: Pipeline, env: ExecEnv): Promise<number> {
  const n = p.commands.length
  if (n === 1) return interp.runCommand(p.commands[0]!, env)
  if (interp.rt.procs + n > MAX_PROCS) {
    await interp.report(env.io.stderr, 'fork: retry: Resource temporarily unavailable')
    return 254
  }
  interp.rt.procs += n
  const pipes: Array<{ reader: PipeReader; writer: PipeWriter }> = []
  for (let i = 0; i < n - 1; i++) pipes.push(createPipe())
  const stages = p.commands.map(async (cmd, i) => {
    const sub = interp.fork()
    const io: Io = { ...env.io }
    if (i > 0) io.stdin = lineInput(pipes[i - 1]!.reader)
    if (i < n - 1) io.stdout = pipes[i]!.writer
    try {
      return await sub.runCommand(cmd, { io, signal: env.signal })
    } catch (e) {
      if (e instanceof BrokenPipeError) return 141
      if (e instanceof ExitSignal || e instanceof ReturnSignal) return e.status
      if (e instanceof BreakSignal || e instanceof ContinueSignal) return 0
      throw e
    } finally {
      if (i < n - 1) pipes[i]!.writer.close()
      if (i > 0) pipes[i - 1]!.reader.close()
    }
  })
  const results = await Promise.allSettled(stages)
  interp.rt.procs -= n
  const statuses: number[] = []
  for (const r of results) {
    if (r.status === 'rejected') {
      if (r.reason instanceof InterruptSignal) throw r.reason
      throw r.reason
    }
    statuses.push(r.value)
  }
  interp.state.setArray('PIPESTATUS', statuses.map(String))
  if (interp.state.options.pipefail) {
    for (let i = statuses.length - 1; i >= 0; i--) if (statuses[i] !== 0) return statuses[i]!
    return 0
  }
  return statuses[statuses.length - 1]!
}
