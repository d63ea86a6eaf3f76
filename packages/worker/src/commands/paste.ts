/** paste: merge lines of files side by side (-d delimiters, -s one file per line). */
import { defineCommand } from './define-command.js'
import { operandsOrStdin, readOperandText } from './lib/input.js'
import { splitLines } from './lib/lines.js'

/** `-d` list with escapes: \n \t \\ \0 (empty). */
const parseDelims = (s: string): string[] => {
  const out: string[] = []
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '\\' && i + 1 < s.length) {
      const n = s[++i] as string
      out.push(n === 'n' ? '\n' : n === 't' ? '\t' : n === '0' ? '' : n)
    } else out.push(s[i] as string)
  }
  return out
}

export default defineCommand({
  name: 'paste',
  usage: 'paste [OPTION]... [FILE]...',
  description: 'Write lines consisting of the sequentially corresponding lines from each FILE, separated by TABs.',
  flags: {
    d: { type: 'string', long: 'delimiters', arg: 'LIST', description: 'reuse characters from LIST instead of TABs' },
    s: { type: 'boolean', long: 'serial', description: 'paste one file at a time instead of in parallel' },
    z: { type: 'boolean', long: 'zero-terminated', description: 'line delimiter is NUL, not newline' },
  },
  async run(ctx) {
    const delims = parseDelims(ctx.flags.d ?? '\t')
    if (delims.length === 0) delims.push('')
    const eol = ctx.flags.z ? '\0' : '\n'
    const files: string[][] = []
    let stdinLines: string[] | undefined
    let stdinPos = 0
    for (const op of operandsOrStdin(ctx.args)) {
      if (op === '-') {
        stdinLines ??= splitLines(await ctx.stdin.readText(), eol).lines
        files.push([])
        continue
      }
      const text = await readOperandText(ctx, op, 'paste')
      if (text === null) return 1
      files.push(splitLines(text, eol).lines)
    }
    // Several `-` operands take stdin lines in turn, as GNU does.
    const ops = operandsOrStdin(ctx.args)
    const nextLine = (fi: number, row: number): string | undefined => {
      if (ops[fi] === '-') return stdinLines?.[stdinPos++]
      return files[fi]?.[row]
    }
    let out = ''
    if (ctx.flags.s) {
      for (let fi = 0; fi < files.length; fi++) {
        const lines = ops[fi] === '-' ? (stdinLines ?? []).slice(stdinPos) : (files[fi] as string[])
        if (ops[fi] === '-') stdinPos = stdinLines?.length ?? 0
        let line = ''
        lines.forEach((l, i) => (line += (i > 0 ? delims[(i - 1) % delims.length] : '') + l))
        out += line + eol
      }
    } else {
      const rows = Math.max(0, ...files.map((l, i) => (ops[i] === '-' ? Math.ceil((stdinLines?.length ?? 0) / ops.filter((o) => o === '-').length) : l.length)))
      for (let row = 0; row < rows; row++) {
        let line = ''
        for (let fi = 0; fi < files.length; fi++) {
          if (fi > 0) line += delims[(fi - 1) % delims.length]
          line += nextLine(fi, row) ?? ''
        }
        out += line + eol
      }
    }
    await ctx.stdout.write(out)
    return 0
  },
})
