/**
 * The body of the `node` and `bun` commands: argument handling, the entry file lookup
 * Node does (with its error wording), then a run in an isolate.
 */
import type { CommandContext } from '../../commands/types.js'
import { parseNodeArgs } from './cli.js'
import { resolveRuntimeHost } from './host.js'
import { runNodeRepl } from './repl/repl.js'
import { resolveModule } from './resolve.js'
import { NODE_VERSION, runNode } from './runner.js'

export const BUN_VERSION = '1.1.38'

const missingEntry = (path: string) =>
  `node:internal/modules/cjs/loader:1228\n  throw err;\n  ^\n\nError: Cannot find module '${path}'\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)\n    at node:internal/main/run_main_module:28:49 {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n\nNode.js ${NODE_VERSION}\n`

export async function runNodeCli(ctx: CommandContext, argv: string[], as: 'node' | 'bun'): Promise<number> {
  const cli = parseNodeArgs(argv)
  if (cli.kind === 'version') {
    await ctx.stdout.write(`${as === 'bun' ? BUN_VERSION : NODE_VERSION}\n`)
    return 0
  }
  if (cli.kind === 'help') {
    await ctx.stdout.write(`Usage: ${as} [options] [script.js | -e "script" | -] [arguments]\n`)
    return 0
  }
  if (cli.kind === 'error') {
    await ctx.stderr.write(`${as}: ${cli.message}\n`)
    return 9
  }
  const host = await resolveRuntimeHost(ctx.fs)
  if (!host) {
    await ctx.stderr.write(`${as}: JavaScript needs the Worker Loader: bind LOADER (worker_loaders) in the Worker that hosts this sandbox\n`)
    return 1
  }
  if (cli.kind === 'eval') {
    // workerd has no eval: -p prints the value of an expression (not of a statement list).
    const code = cli.print ? `console.log((\n${cli.code.replace(/;\s*$/, '')}\n))` : cli.code
    return runNode(ctx, host, { code, cwd: ctx.cwd, module: cli.module, args: cli.args })
  }
  if (cli.kind === 'stdin') {
    if (ctx.stdin.isTTY) return runNodeRepl(ctx, host)
    const code = await ctx.stdin.readText()
    return runNode(ctx, host, { code, cwd: ctx.cwd, module: cli.module, args: cli.args })
  }
  const abs = ctx.resolve(cli.script)
  const found = resolveModule(ctx.fs, abs, ctx.cwd)
  // Node runs the real file behind a symlink (a bin link), with its own __dirname.
  const entry = found === undefined ? undefined : ctx.fs.realpath(found)
  if (!entry) {
    await ctx.stderr.write(missingEntry(abs))
    return 1
  }
  return runNode(ctx, host, { entry, cwd: ctx.cwd, args: cli.args })
}
