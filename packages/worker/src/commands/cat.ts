/** cat: concatenate files to stdout as bytes (binary-safe), with GNU's line options. */
import { defineCommand } from './define-command.js'
import { binaryToBytes, bytesToBinary, operandsOrStdin, streamOperand } from './lib/input.js'

/** `^X` / `M-x` notation for a non-printing byte (cat -v). */
export const showNonPrinting = (b: number, tabs: boolean): string => {
  let prefix = ''
  if (b >= 128) {
    prefix = 'M-'
    b -= 128
  }
  if (b === 9 && !tabs && prefix === '') return '\t'
  if (b < 32) return `${prefix}^${String.fromCharCode(b + 64)}`
  if (b === 127) return `${prefix}^?`
  return prefix + String.fromCharCode(b)
}

export default defineCommand({
  name: 'cat',
  usage: 'cat [OPTION]... [FILE]...',
  description: 'Concatenate FILE(s) to standard output. With no FILE, or when FILE is -, read standard input.',
  flags: {
    A: { type: 'boolean', long: 'show-all', description: 'equivalent to -vET' },
    b: { type: 'boolean', long: 'number-nonblank', description: 'number nonempty output lines, overrides -n' },
    e: { type: 'boolean', description: 'equivalent to -vE' },
    E: { type: 'boolean', long: 'show-ends', description: "display $ at end of each line" },
    n: { type: 'boolean', long: 'number', description: 'number all output lines' },
    s: { type: 'boolean', long: 'squeeze-blank', description: 'suppress repeated empty output lines' },
    t: { type: 'boolean', description: 'equivalent to -vT' },
    T: { type: 'boolean', long: 'show-tabs', description: 'display TAB characters as ^I' },
    u: { type: 'boolean', description: '(ignored)' },
    v: { type: 'boolean', long: 'show-nonprinting', description: 'use ^ and M- notation, except for LFD and TAB' },
  },
  async run(ctx) {
    const f = ctx.flags
    const ends = f.A || f.e || f.E
    const tabs = f.A || f.t || f.T
    const nonPrinting = f.A || f.e || f.t || f.v
    const numberAll = f.n && !f.b
    const plain = !(ends || tabs || nonPrinting || f.n || f.b || f.s)
    let status = 0
    // Line state carries across files, as in GNU cat.
    let lineNo = 0
    let atLineStart = true
    let blankRun = 0
    for (const operand of operandsOrStdin(ctx.args)) {
      if (ctx.signal.aborted) return 130
      const ok = await streamOperand(ctx, operand, async (chunk) => {
        if (plain) return ctx.stdout.write(chunk)
        const s = bytesToBinary(chunk)
        let out = ''
        for (let i = 0; i < s.length; i++) {
          const code = s.charCodeAt(i)
          if (atLineStart) {
            if (code === 10) {
              blankRun++
              if (f.s && blankRun > 1) continue
            } else blankRun = 0
            if (numberAll || (f.b && code !== 10)) out += `${String(++lineNo).padStart(6)}\t`
            atLineStart = false
          }
          if (code === 10) {
            out += ends ? '$\n' : '\n'
            atLineStart = true
          } else if (code === 9) out += tabs ? '^I' : '\t'
          else if (nonPrinting && (code < 32 || code >= 127)) out += showNonPrinting(code, tabs)
          else out += s[i]
        }
        await ctx.stdout.write(binaryToBytes(out))
      })
      if (!ok) status = 1
    }
    return status
  },
})
