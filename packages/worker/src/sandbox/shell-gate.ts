/**
 * The runtime policy at the shell's door: `python`, `ruby`, `node` (and the commands built
 * on them) refuse to start when the sandbox's shell policy does not allow their runtime,
 * the way a shell refuses a file it may not execute (status 126). A shell with no sandbox
 * behind it (plain command tests) has no policy and runs everything.
 */
import type { RuntimeName } from '@nimbus-sh/config'
import type { Command, CommandContext } from '../commands/types.js'
import { sandboxHostOf } from './host.js'

/** Status of a command the policy refuses (bash's "cannot execute"). */
export const NOT_ALLOWED_STATUS = 126

/** Why `runtime` may not run in the shell that owns `fs`, or undefined when it may. */
export function shellRefusal(ctx: Pick<CommandContext, 'fs'>, runtime: RuntimeName): string | undefined {
  const runtimes = sandboxHostOf(ctx.fs)?.runtimes
  if (!runtimes) return undefined
  const { allow } = runtimes.policy()
  if (allow.includes(runtime)) return undefined
  return `runtime "${runtime}" is not allowed by this sandbox profile (allowed: ${allow.join(', ') || 'none'})`
}

/** Wraps a command's `run` so it is refused (126, a message on stderr) unless `runtime` is allowed. */
export function gatedByRuntime(runtime: RuntimeName, run: Command['run']): Command['run'] {
  return async (ctx) => {
    const refusal = shellRefusal(ctx, runtime)
    if (refusal === undefined) return run(ctx)
    await ctx.stderr.write(`${ctx.name}: ${refusal}\n`)
    return NOT_ALLOWED_STATUS
  }
}

/** `command` refused under a policy that does not allow `runtime` (help and all). */
export function gateCommand(runtime: RuntimeName, command: Command): Command {
  return { ...command, run: gatedByRuntime(runtime, command.run.bind(command)) }
}
