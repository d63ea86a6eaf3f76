/** help: list the available commands, or show one command's help. */
import { defineCommand } from './define-command.js'
import { columns } from './lib/format.js'

export default defineCommand({
  name: 'help',
  usage: 'help [COMMAND]...',
  description: 'Display the list of commands, or help for the named commands.',
  rawArgs: true,
  async run(ctx) {
    if (ctx.args.length > 0) {
      let status = 0
      for (const name of ctx.args) {
        if (!ctx.shell.commandNames().includes(name)) {
          await ctx.stderr.write(`help: no help topics match \`${name}'.  Try \`help help' or \`man -k ${name}' or \`info ${name}'.\n`)
          status = 1
          continue
        }
        const code = await ctx.shell.runArgv([name, '--help'], { signal: ctx.signal })
        if (code !== 0) status = code
      }
      return status
    }
    const names = ctx.shell.commandNames().filter((n) => n !== '[' && !n.startsWith('_'))
    const width = ctx.terminal?.cols ?? 80
    await ctx.stdout.write(
      'Nimbus shell: bash-like commands over the sandbox filesystem.\n' +
        "Type `help NAME' or `NAME --help' to learn more about a command.\n\n" +
        columns(names, width),
    )
    return 0
  },
})
