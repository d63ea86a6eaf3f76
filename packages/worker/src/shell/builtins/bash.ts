/**
 * `bash`/`sh` inside the sandbox: `bash -c 'cmd' [name args]`, `bash file args`, or a script
 * on stdin. Runs in a fresh child shell that sees only exported variables.
 */
import { resolvePath } from '../../commands/lib/path.js'
import { runShellScript } from '../scripts.js'
import { defineBuiltin, fail, type BuiltinContext } from './types.js'

async function run(ctx: BuiltinContext): Promise<number> {
  const args = ctx.args.slice()
  const opts: { errexit?: boolean; xtrace?: boolean; nounset?: boolean } = {}
  let command: string | undefined
  while (args.length && /^[-+]/.test(args[0]!) && args[0] !== '-' ) {
    const a = args.shift()!
    if (a === '--') break
    if (a === '-c') {
      command = args.shift()
      if (command === undefined) return fail(ctx, '-c: option requires an argument', 2)
      continue
    }
    if (a === '-o') {
      const o = args.shift()
      if (o === 'errexit') opts.errexit = true
      continue
    }
    if (a === '--norc' || a === '--noprofile' || a === '-l' || a === '--login' || a === '-i' || a === '-s') continue
    if (a === '--version') {
      await ctx.env.io.stdout.write('GNU bash, version 5.2.15(1)-release (nimbus)\n')
      return 0
    }
    for (const c of a.slice(1)) {
      if (c === 'e') opts.errexit = true
      else if (c === 'x') opts.xtrace = true
      else if (c === 'u') opts.nounset = true
      else if (c === 'c') {
        command = args.shift()
        if (command === undefined) return fail(ctx, '-c: option requires an argument', 2)
      }
    }
  }
  if (command !== undefined) {
    const name = args.shift() ?? ctx.name
    return runShellScript(ctx.interp, command, name, args, ctx.env, ctx.extraEnv, opts)
  }
  const file = args.shift()
  if (file === undefined || file === '-') {
    const source = await ctx.env.io.stdin.readText()
    return runShellScript(ctx.interp, source, ctx.name, args, ctx.env, ctx.extraEnv, opts)
  }
  const path = resolvePath(ctx.interp.state.cwd, file)
  let source: string
  try {
    if (ctx.interp.fs.stat(path).type === 'dir') {
      await ctx.env.io.stderr.write(`${ctx.name}: ${file}: Is a directory\n`)
      return 126
    }
    source = ctx.interp.fs.readText(path)
  } catch {
    await ctx.env.io.stderr.write(`${ctx.name}: ${file}: No such file or directory\n`)
    return 127
  }
  return runShellScript(ctx.interp, source, file, args, ctx.env, ctx.extraEnv, { ...opts, file: true })
}

export const bash = defineBuiltin({ name: 'bash', usage: 'bash [-euxc] [file | -c command] [args]', run })
export const sh = defineBuiltin({ name: 'sh', usage: 'sh [-euxc] [file | -c command] [args]', run })
