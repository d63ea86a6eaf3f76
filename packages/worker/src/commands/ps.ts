/** ps: the shell's running jobs as processes (what the shell can tell), plus ps itself. */
import { sandboxHostOf } from '../sandbox/host.js'
import { defineCommand } from './define-command.js'

export default defineCommand({
  name: 'ps',
  usage: 'ps [-ef] [aux]',
  description: 'Report a snapshot of the shell and its jobs.',
  rawArgs: true,
  async run(ctx) {
    const full = ctx.args.some((a) => /^-?[a-zA-Z]*[efu]/.test(a) || a === 'aux')
    // Background processes of the sandbox (SDK, tools, other shells) share the table.
    const sandbox = (sandboxHostOf(ctx.fs)?.processes.list() ?? []).filter((p) => p.state === 'running').map(({ pid, command }) => ({ pid, command }))
    const procs = [...(ctx.shell.processes?.() ?? []), ...sandbox]
    const rows = [...procs, { pid: Math.max(0, ...procs.map((p) => p.pid)) + 1, command: ['ps', ...ctx.args].join(' ') }]
    let out = full ? 'UID          PID    PPID  C STIME TTY          TIME CMD\n' : '    PID TTY          TIME CMD\n'
    for (const p of rows) {
      if (full) out += `user     ${String(p.pid).padStart(7)} ${String(p.pid === 1 ? 0 : 1).padStart(7)}  0 00:00 pts/0    00:00:00 ${p.command}\n`
      else out += `${String(p.pid).padStart(7)} pts/0    00:00:00 ${(p.command.split(' ')[0] ?? '').slice(0, 15)}\n`
    }
    await ctx.stdout.write(out)
    return 0
  },
})
