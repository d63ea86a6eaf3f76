/** gzip / gunzip / zcat: compress or expand files (.gz), keeping mode and times. */
import { defineCommand } from './define-command.js'
import { describeError } from './lib/errors.js'
import { GzipFormatError, gunzip, gzip } from './lib/compress.js'

const levels = Object.fromEntries(Array.from({ length: 9 }, (_, i) => [String(i + 1), { type: 'boolean' as const, description: i === 0 ? 'compress faster (-1) … better (-9); accepted, one level is used' : '' }]))

export default defineCommand({
  name: 'gzip',
  aliases: ['gunzip', 'zcat'],
  usage: 'gzip [OPTION]... [FILE]...',
  description: 'Compress or uncompress FILEs (by default, compress FILES in-place).',
  flags: {
    c: { type: 'boolean', long: 'stdout', alias: ['to-stdout'], description: 'write on standard output, keep original files unchanged' },
    d: { type: 'boolean', long: 'decompress', alias: ['uncompress'], description: 'decompress' },
    f: { type: 'boolean', long: 'force', description: 'force overwrite of output file and compress links' },
    k: { type: 'boolean', long: 'keep', description: "keep (don't delete) input files" },
    q: { type: 'boolean', long: 'quiet', description: 'suppress all warnings' },
    t: { type: 'boolean', long: 'test', description: 'test compressed file integrity' },
    v: { type: 'boolean', long: 'verbose', description: 'verbose mode' },
    n: { type: 'boolean', long: 'no-name', description: 'do not save or restore the original name and timestamp' },
    N: { type: 'boolean', long: 'name', description: 'save or restore the original name and timestamp' },
    S: { type: 'string', long: 'suffix', arg: 'SUF', description: 'use suffix SUF on compressed files' },
    ...levels,
  },
  async run(ctx) {
    const f = ctx.flags
    // gunzip and zcat are gzip underneath, and GNU's messages say so.
    const name = 'gzip'
    const decompress = f.d || ctx.name === 'gunzip' || ctx.name === 'zcat'
    const toStdout = f.c || ctx.name === 'zcat'
    const suffix = f.S ?? '.gz'
    let status = 0
    const warn = async (msg: string) => {
      if (!f.q) await ctx.stderr.write(`${name}: ${msg}\n`)
      status = Math.max(status, 2)
    }
    if (ctx.args.length === 0) {
      if (!decompress && !toStdout && ctx.stdout.isTTY && !f.f) {
        await ctx.stderr.write(`${name}: compressed data not written to a terminal. Use -f to force compression.\nFor help, type: ${name} -h\n`)
        return 1
      }
      const data = await ctx.stdin.readAll()
      try {
        const out = decompress || f.t ? await gunzip(data) : await gzip(data)
        if (!f.t) await ctx.stdout.write(out)
      } catch (e) {
        if (!(e instanceof GzipFormatError)) throw e
        await ctx.stderr.write(`${name}: stdin: not in gzip format\n`)
        return 1
      }
      return 0
    }
    for (const op of ctx.args) {
      const path = ctx.resolve(op)
      let st
      try {
        st = ctx.fs.stat(path)
      } catch (e) {
        await ctx.stderr.write(`${name}: ${op}: ${describeError(e)}\n`)
        status = 1
        continue
      }
      if (st.type === 'dir') {
        await warn(`${op} is a directory -- ignored`)
        continue
      }
      const data = ctx.fs.readFile(path)
      let target: string
      let out: Uint8Array
      if (decompress || f.t) {
        const m = [suffix, '.gz', '.z', '-gz', '.tgz', '.taz'].find((s) => op.endsWith(s) && op.length > s.length)
        if (!m && !toStdout && !f.t) {
          await warn(`${op}: unknown suffix -- ignored`)
          continue
        }
        try {
          out = await gunzip(data)
        } catch (e) {
          if (!(e instanceof GzipFormatError)) throw e
          await ctx.stderr.write(`${name}: ${op}: not in gzip format\n`)
          status = 1
          continue
        }
        if (f.t) {
          if (f.v) await ctx.stderr.write(`${op}:\t OK\n`)
          continue
        }
        target = m ? op.slice(0, -m.length) + (m === '.tgz' || m === '.taz' ? '.tar' : '') : op
      } else {
        if (op.endsWith(suffix)) {
          await warn(`${op} already has ${suffix} suffix -- unchanged`)
          continue
        }
        out = await gzip(data)
        target = op + suffix
      }
      if (toStdout) {
        await ctx.stdout.write(out)
        continue
      }
      const tpath = ctx.resolve(target)
      if (ctx.fs.exists(tpath) && !f.f) {
        await ctx.stderr.write(`${name}: ${target} already exists; not overwritten\n`)
        status = Math.max(status, 2)
        continue
      }
      ctx.fs.writeFile(tpath, out)
      ctx.fs.chmod(tpath, st.mode)
      ctx.fs.utimes(tpath, st.atimeMs, st.mtimeMs)
      if (f.v) {
        const ratio = decompress ? (data.length === 0 ? 0 : (1 - data.length / Math.max(1, out.length)) * 100) : data.length === 0 ? 0 : (1 - out.length / data.length) * 100
        await ctx.stderr.write(`${op}:\t${ratio.toFixed(1).padStart(5)}% -- replaced with ${target}\n`)
      }
      if (!f.k) ctx.fs.unlink(path)
    }
    return status
  },
})
