/** nproc: processing units available (the sandbox runs commands on one thread). */
import { defineCommand } from './define-command.js'

export default defineCommand({
  name: 'nproc',
  usage: 'nproc [OPTION]...',
  description: 'Print the number of processing units available to the current process.',
  flags: {
    all: { type: 'boolean', description: 'print the number of installed processors' },
    ignore: { type: 'number', arg: 'N', description: 'if possible, exclude N processing units' },
  },
  async run(ctx) {
    const nav = (globalThis as { navigator?: { hardwareConcurrency?: number } }).navigator
    const n = Math.max(1, (nav?.hardwareConcurrency ?? 1) - (ctx.flags.ignore ?? 0))
    await ctx.stdout.write(`${n}\n`)
    return 0
  },
})
