/** chmod: change file mode bits, octal or symbolic, optionally recursive. */
import { defineCommand } from './define-command.js'
import { describeError, q } from './lib/errors.js'
import { sortedChildren } from './lib/fsutil.js'
import { modeString } from './lib/format.js'
import { applyMode } from './lib/mode.js'
import { joinPath } from './lib/path.js'

export default defineCommand({
  name: 'chmod',
  usage: 'chmod [OPTION]... MODE[,MODE]... FILE...',
  description: 'Change the mode of each FILE to MODE.',
  // Hand-parsed: a symbolic mode such as `-x` or `-w,o+r` looks like an option.
  rawArgs: true,
  helpFooter: 'Options:\n  -R, --recursive  change files and directories recursively\n  -v, --verbose    output a diagnostic for every file processed\n  -c, --changes    like verbose but report only when a change is made\n  -f, --silent     suppress most error messages',
  async run(ctx) {
    const flags = { R: false, v: false, c: false, f: false }
    const args: string[] = []
    const long: Record<string, keyof typeof flags> = { '--recursive': 'R', '--verbose': 'v', '--changes': 'c', '--silent': 'f', '--quiet': 'f' }
    let ended = false
    for (const a of ctx.args) {
      if (ended || a === '-' || !a.startsWith('-')) args.push(a)
      else if (a === '--') ended = true
      else if (long[a]) flags[long[a]] = true
      else if (/^-[Rvcf]+$/.test(a)) for (const ch of a.slice(1)) flags[ch as keyof typeof flags] = true
      else if (/^-[rwxXstugoa+=,-]+$/.test(a)) args.push(a)
      else {
        await ctx.stderr.write(`chmod: ${a.startsWith('--') ? `unrecognized option '${a}'` : `invalid option -- '${a[1]}'`}\nTry 'chmod --help' for more information.\n`)
        return 1
      }
    }
    const ctxFlags = flags
    if (args.length < 2) {
      await ctx.stderr.write(`chmod: missing operand${args.length === 1 ? ` after ${q(args[0] as string)}` : ''}\nTry 'chmod --help' for more information.\n`)
      return 1
    }
    const [spec, ...files] = args as [string, ...string[]]
    if (applyMode(spec, 0o644, false) === null) {
      await ctx.stderr.write(`chmod: invalid mode: ${q(spec)}\nTry 'chmod --help' for more information.\n`)
      return 1
    }
    let status = 0
    const change = async (shown: string, path: string, top: boolean): Promise<void> => {
      let st
      try {
        st = top ? ctx.fs.stat(path) : ctx.fs.lstat(path)
      } catch (e) {
        if (!ctxFlags.f) await ctx.stderr.write(`chmod: cannot access '${shown}': ${describeError(e)}\n`)
        status = 1
        return
      }
      if (st.type === 'symlink') return
      const next = applyMode(spec, st.mode, st.type === 'dir') as number
      ctx.fs.chmod(path, next)
      const from = `${(st.mode & 0o7777).toString(8).padStart(4, '0')} (${modeString(st.type, st.mode).slice(1)})`
      const to = `${next.toString(8).padStart(4, '0')} (${modeString(st.type, next).slice(1)})`
      if (ctxFlags.v || (ctxFlags.c && next !== (st.mode & 0o7777))) {
        await ctx.stdout.write(next === (st.mode & 0o7777) ? `mode of '${shown}' retained as ${from}\n` : `mode of '${shown}' changed from ${from} to ${to}\n`)
      }
      if (ctxFlags.R && st.type === 'dir') {
        for (const name of sortedChildren(ctx.fs, path)) await change(joinPath(shown, name), joinPath(path, name), false)
      }
    }
    for (const op of files) await change(op, ctx.resolve(op), true)
    return status
  },
})
