/** id: user and group ids of the sandbox user (uid 1000). */
import { defineCommand } from './define-command.js'
import { nameLookup } from './lib/users.js'

const UID = 1000
const GID = 1000

export default defineCommand({
  name: 'id',
  usage: 'id [OPTION]... [USER]',
  description: 'Print user and group information for the current user.',
  flags: {
    u: { type: 'boolean', long: 'user', description: 'print only the effective user ID' },
    g: { type: 'boolean', long: 'group', description: 'print only the effective group ID' },
    G: { type: 'boolean', long: 'groups', description: 'print all group IDs' },
    n: { type: 'boolean', long: 'name', description: 'print a name instead of a number, for -u, -g, -G' },
  },
  async run(ctx) {
    const names = nameLookup(ctx.fs)
    const f = ctx.flags
    if (ctx.args[0] !== undefined && ctx.args[0] !== names.user(UID)) {
      await ctx.stderr.write(`id: '${ctx.args[0]}': no such user\n`)
      return 1
    }
    if (f.u || f.g || f.G) {
      const v = f.u ? (f.n ? names.user(UID) : String(UID)) : f.n ? names.group(GID) : String(GID)
      await ctx.stdout.write(`${v}\n`)
      return 0
    }
    await ctx.stdout.write(`uid=${UID}(${names.user(UID)}) gid=${GID}(${names.group(GID)}) groups=${GID}(${names.group(GID)})\n`)
    return 0
  },
})
