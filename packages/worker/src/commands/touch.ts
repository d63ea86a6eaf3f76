/** touch: create empty files or set their times (-d, -t, -r, -a, -m, -c). */
import type { FileStat } from '../vfs/types.js'
import { defineCommand } from './define-command.js'
import { parseDate, parseTouchStamp } from './lib/date-parse.js'
import { describeError, q } from './lib/errors.js'

export default defineCommand({
  name: 'touch',
  usage: 'touch [OPTION]... FILE...',
  description: 'Update the access and modification times of each FILE to the current time; create missing files empty.',
  flags: {
    a: { type: 'boolean', description: 'change only the access time' },
    m: { type: 'boolean', description: 'change only the modification time' },
    c: { type: 'boolean', long: 'no-create', description: 'do not create any files' },
    d: { type: 'string', long: 'date', arg: 'STRING', description: 'parse STRING and use it instead of current time' },
    t: { type: 'string', arg: 'STAMP', description: 'use [[CC]YY]MMDDhhmm[.ss] instead of current time' },
    r: { type: 'string', long: 'reference', arg: 'FILE', description: "use this file's times instead of current time" },
  },
  async run(ctx) {
    const f = ctx.flags
    if (ctx.args.length === 0) {
      await ctx.stderr.write("touch: missing file operand\nTry 'touch --help' for more information.\n")
      return 1
    }
    let atime = Date.now()
    let mtime = atime
    if (f.r !== undefined) {
      let ref: FileStat
      try {
        ref = ctx.fs.stat(ctx.resolve(f.r))
      } catch (e) {
        await ctx.stderr.write(`touch: failed to get attributes of '${f.r}': ${describeError(e)}\n`)
        return 1
      }
      atime = ref.atimeMs
      mtime = ref.mtimeMs
    } else if (f.d !== undefined || f.t !== undefined) {
      const t = f.t !== undefined ? parseTouchStamp(f.t) : parseDate(f.d as string)
      if (t === null) {
        await ctx.stderr.write(`touch: invalid date format ${q(f.t ?? f.d ?? '')}\n`)
        return 1
      }
      atime = mtime = t
    }
    let status = 0
    for (const op of ctx.args) {
      const path = ctx.resolve(op)
      try {
        if (!ctx.fs.exists(path)) {
          if (f.c) continue
          ctx.fs.writeFile(path, new Uint8Array(0))
        }
        const st = ctx.fs.stat(path)
        const onlyA = f.a && !f.m
        const onlyM = f.m && !f.a
        ctx.fs.utimes(path, onlyM ? st.atimeMs : atime, onlyA ? st.mtimeMs : mtime)
      } catch (e) {
        await ctx.stderr.write(`touch: cannot touch '${op}': ${describeError(e)}\n`)
        status = 1
      }
    }
    return status
  },
})
