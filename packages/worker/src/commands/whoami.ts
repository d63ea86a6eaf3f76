/** whoami: the name of the sandbox user. */
import { defineCommand } from './define-command.js'
import { nameLookup } from './lib/users.js'

export default defineCommand({
  name: 'whoami',
  usage: 'whoami',
  description: 'Print the user name associated with the current effective user ID.',
  async run(ctx) {
    await ctx.stdout.write(`${nameLookup(ctx.fs).user(1000)}\n`)
    return 0
  },
})
