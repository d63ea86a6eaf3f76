/** cut: select bytes, characters or fields from each line. */
import { defineCommand } from './define-command.js'
import { binaryToBytes, bytesToBinary, operandsOrStdin, readOperand } from './lib/input.js'
import { splitLines } from './lib/lines.js'
import { type Range, inRanges, parseList } from './lib/ranges.js'

export default defineCommand({
  name: 'cut',
  usage: 'cut OPTION... [FILE]...',
  description: 'Print selected parts of lines from each FILE to standard output.',
  flags: {
    b: { type: 'string', long: 'bytes', arg: 'LIST', description: 'select only these bytes' },
    c: { type: 'string', long: 'characters', arg: 'LIST', description: 'select only these characters' },
    f: { type: 'string', long: 'fields', arg: 'LIST', description: 'select only these fields' },
    d: { type: 'string', long: 'delimiter', arg: 'DELIM', description: 'use DELIM instead of TAB for field delimiter' },
    s: { type: 'boolean', long: 'only-delimited', description: 'do not print lines not containing delimiters' },
    n: { type: 'boolean', description: '(ignored)' },
    complement: { type: 'boolean', description: 'complement the set of selected bytes, characters or fields' },
    'output-delimiter': { type: 'string', arg: 'STRING', description: 'use STRING as the output delimiter' },
    z: { type: 'boolean', long: 'zero-terminated', description: 'line delimiter is NUL, not newline' },
  },
  async run(ctx) {
    const f = ctx.flags
    const modes = [f.b, f.c, f.f].filter((x) => x !== undefined)
    const usage = async (msg: string) => {
      await ctx.stderr.write(`cut: ${msg}\nTry 'cut --help' for more information.\n`)
      return 1
    }
    if (modes.length === 0) return usage('you must specify a list of bytes, characters, or fields')
    if (modes.length > 1) return usage('only one type of list may be specified')
    const fieldMode = f.f !== undefined
    if (!fieldMode && f.d !== undefined) return usage('an input delimiter may be specified only when operating on fields')
    if (!fieldMode && f.s) return usage('suppressing non-delimited lines makes sense\n\tonly when operating on fields')
    const parsed = parseList(modes[0] as string, fieldMode ? 'fields are' : 'byte/character positions are')
    if (typeof parsed === 'string') return usage(parsed)
    const ranges: Range[] = parsed
    const delim = bytesToBinary(new TextEncoder().encode(f.d ?? '\t'))
    if (delim.length !== 1) return usage('the delimiter must be a single character')
    const outDelim = f['output-delimiter'] !== undefined ? bytesToBinary(new TextEncoder().encode(f['output-delimiter'])) : fieldMode ? delim : undefined
    const pick = (n: number) => inRanges(ranges, n) !== f.complement
    const eol = f.z ? '\0' : '\n'
    let status = 0
    for (const op of operandsOrStdin(ctx.args)) {
      const data = await readOperand(ctx, op, 'cut')
      if (data === null) {
        status = 1
        continue
      }
      let out = ''
      for (const line of splitLines(bytesToBinary(data), eol).lines) {
        if (fieldMode) {
          if (!line.includes(delim)) {
            if (!f.s) out += line + eol
            continue
          }
          out += line.split(delim).filter((_, i) => pick(i + 1)).join(outDelim) + eol
        } else {
          let s = ''
          let prev = -2
          for (let i = 0; i < line.length; i++) {
            if (!pick(i + 1)) continue
            // --output-delimiter separates non-adjacent byte ranges.
            if (outDelim !== undefined && prev !== -2 && i !== prev + 1) s += outDelim
            s += line[i]
            prev = i
          }
          out += s + eol
        }
      }
      await ctx.stdout.write(binaryToBytes(out))
    }
    return status
  },
})
