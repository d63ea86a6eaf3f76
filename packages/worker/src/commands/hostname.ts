/** hostname: the sandbox's host name (from /etc/hostname). */
import { defineCommand } from './define-command.js'

export const readHostname = (ctx: { fs: { readText(p: string): string }; env: { get(n: string): string | undefined } }): string => {
  try {
    const h = ctx.fs.readText('/etc/hostname').trim()
    if (h) return h
  } catch {
    // fall through
  }
  return ctx.env.get('HOSTNAME') ?? 'nimbus'
}

export default defineCommand({
  name: 'hostname',
  usage: 'hostname [-s]',
  description: 'Show the system host name.',
  flags: {
    s: { type: 'boolean', long: 'short', description: 'short host name' },
    f: { type: 'boolean', long: 'fqdn', description: 'long host name' },
    i: { type: 'boolean', long: 'ip-address', description: 'addresses for the host name' },
  },
  async run(ctx) {
    if (ctx.flags.i) {
      await ctx.stdout.write('127.0.0.1\n')
      return 0
    }
    const h = readHostname(ctx)
    await ctx.stdout.write(`${ctx.flags.s ? (h.split('.')[0] ?? h) : h}\n`)
    return 0
  },
})
