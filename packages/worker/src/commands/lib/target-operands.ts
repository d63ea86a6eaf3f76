/**
 * The operand forms cp and mv share: `SOURCE DEST`, `SOURCE... DIRECTORY`, and
 * `-t DIRECTORY SOURCE...` (with `-T` forbidding the directory form), and the coreutils
 * messages when they do not fit.
 */
import type { CommandContext } from '../types.js'
import { tryStat } from './fsutil.js'

export interface TargetOperands {
  /** The sources (and, without a target directory, the destination last). */
  ops: string[]
  targetDir: string | undefined
}

/** Splits the operands, or writes the error and answers undefined (exit status 1). */
export async function targetOperands(
  ctx: CommandContext,
  name: string,
  opts: { targetDir: string | undefined; noTargetDir: boolean },
): Promise<TargetOperands | undefined> {
  const ops = [...ctx.args]
  let targetDir = opts.targetDir
  if (targetDir === undefined && !opts.noTargetDir && ops.length >= 2) {
    const last = ops[ops.length - 1] as string
    if (ops.length > 2 || tryStat(ctx.fs, ctx.resolve(last))?.type === 'dir') targetDir = ops.pop()
  }
  if (ops.length === 0 || (targetDir === undefined && ops.length < 2)) {
    await ctx.stderr.write(
      ops.length === 0
        ? `${name}: missing file operand\nTry '${name} --help' for more information.\n`
        : `${name}: missing destination file operand after '${ops[0]}'\nTry '${name} --help' for more information.\n`,
    )
    return undefined
  }
  if (targetDir !== undefined && tryStat(ctx.fs, ctx.resolve(targetDir))?.type !== 'dir') {
    const exists = tryStat(ctx.fs, ctx.resolve(targetDir)) !== undefined
    await ctx.stderr.write(`${name}: target '${targetDir}'${exists ? ' is not a directory' : ': No such file or directory'}\n`)
    return undefined
  }
  return { ops, targetDir }
}
