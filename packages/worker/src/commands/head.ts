/** head: the first lines (or bytes) of each input; stops reading stdin once it has enough. */
import { defineCommand } from './define-command.js'
import { binaryToBytes, bytesToBinary, cannotRead, operandsOrStdin, readOperand, streamOperand } from './lib/input.js'
import { lineOrByteCount } from './lib/lines.js'

export default defineCommand({
  name: 'head',
  usage: 'head [OPTION]... [FILE]...',
  description: 'Print the first 10 lines of each FILE to standard output.',
  numericFlag: 'n',
  flags: {
    n: { type: 'string', long: 'lines', arg: '[-]NUM', description: 'print the first NUM lines; with -NUM, all but the last NUM lines' },
    c: { type: 'string', long: 'bytes', arg: '[-]NUM', description: 'print the first NUM bytes; with -NUM, all but the last NUM bytes' },
    q: { type: 'boolean', long: 'quiet', alias: ['silent'], description: 'never print headers giving file names' },
    v: { type: 'boolean', long: 'verbose', description: 'always print headers giving file names' },
    z: { type: 'boolean', long: 'zero-terminated', description: 'line delimiter is NUL, not newline' },
  },
  async run(ctx) {
    const f = ctx.flags
    const parsed = await lineOrByteCount('head', { order: ctx.order, c: f.c, n: f.n }, ctx.stderr)
    if (!parsed) return 1
    const { bytesMode, count } = parsed
    const allBut = count.sign === '-'
    const sep = f.z ? 0 : 10
    const operands = operandsOrStdin(ctx.args)
    const headers = f.v || (operands.length > 1 && !f.q)
    let status = 0
    let printed = 0
    for (const op of operands) {
      const reason = cannotRead(ctx, op)
      if (reason !== null) {
        await ctx.stderr.write(`head: cannot open '${op}' for reading: ${reason}\n`)
        status = 1
        continue
      }
      if (headers) await ctx.stdout.write(`${printed++ > 0 ? '\n' : ''}==> ${op === '-' ? 'standard input' : op} <==\n`)
      if (allBut) {
        const data = await readOperand(ctx, op, 'head')
        if (data === null) {
          status = 1
          continue
        }
        if (bytesMode) await ctx.stdout.write(data.subarray(0, Math.max(0, data.length - count.n)))
        else {
          const s = bytesToBinary(data)
          const ends: number[] = []
          for (let p = s.indexOf(String.fromCharCode(sep)); p !== -1; p = s.indexOf(String.fromCharCode(sep), p + 1)) ends.push(p)
          const total = ends.length + (s.length > 0 && s.charCodeAt(s.length - 1) !== sep ? 1 : 0)
          const keep = total - count.n
          if (keep > 0) await ctx.stdout.write(binaryToBytes(s.slice(0, (ends[keep - 1] ?? s.length - 1) + 1)))
        }
        continue
      }
      let left = count.n
      if (left === 0) continue
      // Stop pulling input as soon as enough has been written (`yes | head` must end).
      const done = Symbol('done')
      try {
        const ok = await streamOperand(
          ctx,
          op,
          async (chunk) => {
            if (bytesMode) {
              const part = chunk.subarray(0, left)
              left -= part.length
              await ctx.stdout.write(part)
            } else {
              let end = 0
              while (left > 0 && end < chunk.length) {
                const p = chunk.indexOf(sep, end)
                if (p === -1) {
                  end = chunk.length
                  break
                }
                end = p + 1
                left--
              }
              await ctx.stdout.write(chunk.subarray(0, end))
            }
            if (left <= 0) throw done
          },
          'head',
        )
        if (!ok) status = 1
      } catch (e) {
        if (e !== done) throw e
      }
    }
    return status
  },
})
