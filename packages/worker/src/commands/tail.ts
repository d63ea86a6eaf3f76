/** tail: the last lines (or bytes) of each input, or from line/byte N with `+N`. */
import { defineCommand } from './define-command.js'
import { bytesToBinary, binaryToBytes, openReadError, operandsOrStdin, readOperand } from './lib/input.js'
import { lineOrByteCount } from './lib/lines.js'
import { waitOrAbort } from './lib/wait.js'

export default defineCommand({
  name: 'tail',
  usage: 'tail [OPTION]... [FILE]...',
  description: 'Print the last 10 lines of each FILE to standard output.',
  numericFlag: 'n',
  flags: {
    n: { type: 'string', long: 'lines', arg: '[+]NUM', description: 'output the last NUM lines; or use -n +NUM to skip NUM-1 lines at the start' },
    c: { type: 'string', long: 'bytes', arg: '[+]NUM', description: 'output the last NUM bytes; or use -c +NUM to start with byte NUM' },
    q: { type: 'boolean', long: 'quiet', alias: ['silent'], description: 'never output headers giving file names' },
    v: { type: 'boolean', long: 'verbose', description: 'always output headers giving file names' },
    z: { type: 'boolean', long: 'zero-terminated', description: 'line delimiter is NUL, not newline' },
    f: { type: 'boolean', long: 'follow', description: 'output appended data as the file grows (until interrupted)' },
    F: { type: 'boolean', description: 'same as --follow, also when the file is replaced' },
    s: { type: 'number', long: 'sleep-interval', arg: 'N', description: 'with -f, check the file about every N seconds (default 1.0)' },
  },
  async run(ctx) {
    const f = ctx.flags
    const parsed = await lineOrByteCount('tail', { order: ctx.order, c: f.c, n: f.n }, ctx.stderr)
    if (!parsed) return 1
    const { bytesMode, count } = parsed
    const fromStart = count.sign === '+'
    const sep = String.fromCharCode(f.z ? 0 : 10)
    const operands = operandsOrStdin(ctx.args)
    const headers = f.v || (operands.length > 1 && !f.q)
    let status = 0
    let printed = 0
    const followed: Array<{ op: string; path: string; size: number }> = []
    for (const op of operands) {
      const data = await readOperand(ctx, op, 'tail', openReadError)
      if (data === null) {
        status = 1
        continue
      }
      if ((f.f || f.F) && op !== '-') followed.push({ op, path: ctx.resolve(op), size: data.length })
      if (headers) await ctx.stdout.write(`${printed++ > 0 ? '\n' : ''}==> ${op === '-' ? 'standard input' : op} <==\n`)
      if (bytesMode) {
        const start = fromStart ? Math.max(0, count.n - 1) : Math.max(0, data.length - count.n)
        await ctx.stdout.write(data.subarray(start))
        continue
      }
      const s = bytesToBinary(data)
      let start: number
      if (fromStart) {
        start = 0
        for (let k = 1; k < count.n && start < s.length; k++) {
          const p = s.indexOf(sep, start)
          start = p === -1 ? s.length : p + 1
        }
      } else {
        // Walk back over count.n line ends (a missing final newline still ends a line).
        let p = s.length
        if (s.length > 0 && s[s.length - 1] === sep) p--
        let seen = 0
        start = 0
        while (p > 0) {
          const prev = s.lastIndexOf(sep, p - 1)
          seen++
          if (seen >= count.n || prev === -1) {
            start = seen >= count.n ? prev + 1 : 0
            break
          }
          p = prev
        }
        if (count.n === 0) start = s.length
      }
      await ctx.stdout.write(binaryToBytes(s.slice(start)))
    }
    if (followed.length > 0) return follow(ctx, followed, (f.s ?? 1) * 1000, operands.length > 1 && !f.q)
    return status
  },
})

/** tail -f: poll the files and print what was appended, until the command is interrupted. */
const follow = async (
  ctx: { fs: import('../vfs/types.js').Vfs; signal: AbortSignal; stdout: { write(c: string | Uint8Array): Promise<void> }; stderr: { write(c: string): Promise<void> } },
  files: Array<{ op: string; path: string; size: number }>,
  intervalMs: number,
  headers: boolean,
): Promise<number> => {
  let last = files[files.length - 1]?.op
  while (!ctx.signal.aborted) {
    const aborted = await waitOrAbort(intervalMs, ctx.signal)
    if (aborted) break
    for (const file of files) {
      let size: number
      try {
        size = ctx.fs.stat(file.path).size
      } catch {
        continue
      }
      if (size < file.size) {
        await ctx.stderr.write(`tail: ${file.op}: file truncated\n`)
        file.size = 0
      }
      if (size > file.size) {
        if (headers && last !== file.op) await ctx.stdout.write(`\n==> ${file.op} <==\n`)
        last = file.op
        await ctx.stdout.write(ctx.fs.readFile(file.path, { offset: file.size, length: size - file.size }))
        file.size = size
      }
    }
  }
  return 130
}
