/**
 * `bun`: the sandbox's JavaScript runtime under bun's command line. Programs run on the
 * same isolate runtime as `node` (Node's built-ins; the `Bun` global is not provided);
 * `bun install/add/remove` use the npm installer, `bun run` runs a file or a script.
 */
import { defineCommand } from './define-command.js'
import { gateCommand } from '../sandbox/shell-gate.js'
import { runNodeCli } from '../runtimes/node/command.js'
import { runNpm, runNpx } from '../runtimes/npm/cli.js'

const withArgs = <T extends { args: string[] }>(ctx: T, args: string[]): T => Object.assign(Object.create(ctx) as object, { args }) as T

export default gateCommand('bun', defineCommand({
  name: 'bun',
  usage: 'bun [run] <file|script> [args] | bun -e "code" | bun install|add|remove [pkg...] | bun x <pkg>',
  description: 'Run JavaScript/TypeScript, package scripts and installs with bun-style commands.',
  rawArgs: true,
  async run(ctx) {
    const [sub, ...rest] = ctx.args
    switch (sub) {
      case 'install':
      case 'i':
        return runNpm(withArgs(ctx, ['install', ...rest]))
      case 'add':
        return runNpm(withArgs(ctx, ['install', ...rest.map((a) => (a === '-d' || a === '--dev' ? '-D' : a))]))
      case 'remove':
      case 'rm':
        return runNpm(withArgs(ctx, ['uninstall', ...rest]))
      case 'x':
        return runNpx(ctx, rest)
      case 'run': {
        const [target, ...args] = rest
        if (target && !/\.[cm]?[jt]sx?$/.test(target) && !ctx.fs.exists(ctx.resolve(target))) return runNpm(withArgs(ctx, ['run', target, ...args]))
        return runNodeCli(ctx, rest, 'bun')
      }
      default:
        return runNodeCli(ctx, ctx.args, 'bun')
    }
  },
}))
