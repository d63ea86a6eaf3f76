/** date: print the time (UTC) in the default, +FORMAT, ISO or RFC forms; -d parses a date. */
import { defineCommand } from './define-command.js'
import { parseDate } from './lib/date-parse.js'
import { q } from './lib/errors.js'
import { strftime } from './lib/strftime.js'

export default defineCommand({
  name: 'date',
  usage: 'date [OPTION]... [+FORMAT]',
  description: 'Display the current time in the given FORMAT (the sandbox clock is UTC).',
  flags: {
    d: { type: 'string', long: 'date', arg: 'STRING', description: "display time described by STRING, not 'now'" },
    r: { type: 'string', long: 'reference', arg: 'FILE', description: 'display the last modification time of FILE' },
    u: { type: 'boolean', long: 'utc', alias: ['universal'], description: 'print Coordinated Universal Time (UTC)' },
    R: { type: 'boolean', long: 'rfc-email', description: 'output date and time in RFC 5322 format' },
    I: { type: 'string', long: 'iso-8601', optionalValue: true, arg: 'FMT', description: "output date/time in ISO 8601 format (date, hours, minutes, seconds, ns)" },
  },
  async run(ctx) {
    const f = ctx.flags
    let ms = Date.now()
    if (f.d !== undefined) {
      const t = parseDate(f.d)
      if (t === null) {
        await ctx.stderr.write(`date: invalid date ${q(f.d)}\n`)
        return 1
      }
      ms = t
    } else if (f.r !== undefined) {
      try {
        ms = ctx.fs.stat(ctx.resolve(f.r)).mtimeMs
      } catch {
        await ctx.stderr.write(`date: ${f.r}: No such file or directory\n`)
        return 1
      }
    }
    const fmtArg = ctx.args.find((a) => a.startsWith('+'))
    const extra = ctx.args.find((a) => !a.startsWith('+'))
    if (extra !== undefined) {
      await ctx.stderr.write(`date: invalid date ${q(extra)}\n`)
      return 1
    }
    let fmt = '%a %b %e %H:%M:%S %Z %Y'
    if (fmtArg !== undefined) fmt = fmtArg.slice(1)
    else if (f.R) fmt = '%a, %d %b %Y %H:%M:%S %z'
    else if (ctx.order.includes('I')) {
      const kind = f.I || 'date'
      fmt = kind === 'date' ? '%F' : kind === 'hours' ? '%FT%H+00:00' : kind === 'minutes' ? '%FT%H:%M+00:00' : kind === 'ns' ? '%FT%T,%N+00:00' : '%FT%T+00:00'
    }
    await ctx.stdout.write(`${strftime(fmt, ms)}\n`)
    return 0
  },
})
