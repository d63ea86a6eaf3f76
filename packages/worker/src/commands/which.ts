/** which: locate a command: files on $PATH, else the built-in commands as /usr/bin/NAME. */
import { defineCommand } from './define-command.js'

export default defineCommand({
  name: 'which',
  usage: 'which [-a] COMMAND...',
  description: 'Print the full path of each COMMAND that would be run.',
  flags: {
    a: { type: 'boolean', description: 'print all matching pathnames of each argument' },
  },
  async run(ctx) {
    const path = (ctx.env.get('PATH') ?? '/usr/local/bin:/usr/bin:/bin').split(':').filter(Boolean)
    const builtin = new Set(ctx.shell.commandNames())
    let status = 0
    let out = ''
    for (const name of ctx.args) {
      const found: string[] = []
      if (name.includes('/')) {
        try {
          const st = ctx.fs.stat(ctx.resolve(name))
          if (st.type === 'file' && st.mode & 0o111) found.push(name)
        } catch {
          // not found
        }
      } else {
        for (const dir of path) {
          const p = `${dir.replace(/\/$/, '')}/${name}`
          try {
            const st = ctx.fs.stat(ctx.resolve(p))
            if (st.type === 'file' && st.mode & 0o111) found.push(p)
          } catch {
            // Built-in commands live in /usr/bin as far as scripts are concerned.
            if (dir === '/usr/bin' && builtin.has(name) && ctx.shell.describe(name)?.kind !== 'builtin' && ctx.shell.describe(name)?.kind !== 'keyword') found.push(p)
          }
          if (found.length > 0 && !ctx.flags.a) break
        }
      }
      if (found.length === 0) status = 1
      out += found.map((p) => `${p}\n`).join('')
    }
    await ctx.stdout.write(out)
    return status
  },
})
