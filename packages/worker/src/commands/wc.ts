/** wc: newline, word, character and byte counts, laid out with GNU's column widths. */
import { defineCommand } from './define-command.js'
import { describeError } from './lib/errors.js'
import { displayWidth } from './lib/format.js'
import { operandsOrStdin } from './lib/input.js'

interface Counts {
  lines: number
  words: number
  chars: number
  bytes: number
  maxLine: number
}

const isSpace = (c: number) => c === 32 || (c >= 9 && c <= 13) || c === 0xa0 || c === 0x2028 || c === 0x2029 || c === 0x3000 || (c >= 0x2000 && c <= 0x200a)

/** Counts over a text chunk stream; state carries across chunks. */
class Counter {
  constructor(readonly widths = false) {}
  c: Counts = { lines: 0, words: 0, chars: 0, bytes: 0, maxLine: 0 }
  #inWord = false
  #lineWidth = 0
  #decoder = new TextDecoder()
  push(chunk: Uint8Array): void {
    this.c.bytes += chunk.length
    this.#text(this.#decoder.decode(chunk, { stream: true }))
  }
  end(): Counts {
    this.#text(this.#decoder.decode())
    this.c.maxLine = Math.max(this.c.maxLine, this.#lineWidth)
    return this.c
  }
  #text(s: string): void {
    const c = this.c
    let inWord = this.#inWord
    for (let i = 0; i < s.length; i++) {
      let code = s.charCodeAt(i)
      // A surrogate pair is one character.
      if (code >= 0xd800 && code < 0xdc00 && i + 1 < s.length) {
        code = s.codePointAt(i) as number
        i++
      }
      c.chars++
      if (code === 10) {
        c.lines++
        if (this.widths) {
          if (this.#lineWidth > c.maxLine) c.maxLine = this.#lineWidth
          this.#lineWidth = 0
        }
      } else if (this.widths) {
        if (code === 9) this.#lineWidth += 8 - (this.#lineWidth % 8)
        else if (code >= 32) this.#lineWidth += code < 0x1100 ? 1 : displayWidth(String.fromCodePoint(code))
      }
      if (code <= 32 ? code === 32 || (code >= 9 && code <= 13) : isSpace(code)) inWord = false
      else if (!inWord) {
        inWord = true
        c.words++
      }
    }
    this.#inWord = inWord
  }
}

export default defineCommand({
  name: 'wc',
  usage: 'wc [OPTION]... [FILE]...',
  description: 'Print newline, word, and byte counts for each FILE, and a total line if more than one FILE is specified.',
  flags: {
    c: { type: 'boolean', long: 'bytes', description: 'print the byte counts' },
    m: { type: 'boolean', long: 'chars', description: 'print the character counts' },
    l: { type: 'boolean', long: 'lines', description: 'print the newline counts' },
    w: { type: 'boolean', long: 'words', description: 'print the word counts' },
    L: { type: 'boolean', long: 'max-line-length', description: 'print the maximum display width' },
  },
  async run(ctx) {
    const f = ctx.flags
    const any = f.c || f.m || f.l || f.w || f.L
    const show = { lines: any ? f.l : true, words: any ? f.w : true, chars: f.m, bytes: any ? f.c : true, maxLine: f.L }
    const shown = Object.values(show).filter(Boolean).length
    const operands = operandsOrStdin(ctx.args)
    const results: Array<{ name: string; counts: Counts } | null> = []
    let status = 0
    let regularTotal = 0
    let sawStream = false
    for (const op of operands) {
      const counter = new Counter(show.maxLine)
      if (op === '-') {
        sawStream = true
        for (let chunk = await ctx.stdin.read(); chunk !== null; chunk = await ctx.stdin.read()) {
          if (ctx.signal.aborted) return 130
          counter.push(chunk)
        }
      } else {
        try {
          const path = ctx.resolve(op)
          const st = ctx.fs.stat(path)
          if (st.type === 'dir') {
            await ctx.stderr.write(`wc: ${op}: Is a directory\n`)
            status = 1
            results.push({ name: op, counts: counter.end() })
            continue
          }
          regularTotal += st.size
          counter.push(ctx.fs.readFile(path))
        } catch (e) {
          await ctx.stderr.write(`wc: ${op}: ${describeError(e)}\n`)
          status = 1
          results.push(null)
          continue
        }
      }
      results.push({ name: op === '-' && ctx.args.length === 0 ? '' : op, counts: counter.end() })
    }
    // GNU: one count of one input needs no padding; else the width of the total size, at least 7 for streams.
    let width = 1
    if (!(operands.length === 1 && shown === 1) && results[0] !== null) {
      width = Math.max(String(regularTotal).length, sawStream ? 7 : 1)
    }
    const format = (c: Counts, name: string) => {
      const cols: number[] = []
      if (show.lines) cols.push(c.lines)
      if (show.words) cols.push(c.words)
      if (show.chars) cols.push(c.chars)
      if (show.bytes) cols.push(c.bytes)
      if (show.maxLine) cols.push(c.maxLine)
      return `${cols.map((n) => String(n).padStart(width)).join(' ')}${name ? ` ${name}` : ''}\n`
    }
    let out = ''
    const total: Counts = { lines: 0, words: 0, chars: 0, bytes: 0, maxLine: 0 }
    for (const r of results) {
      if (!r) continue
      out += format(r.counts, r.name)
      total.lines += r.counts.lines
      total.words += r.counts.words
      total.chars += r.counts.chars
      total.bytes += r.counts.bytes
      total.maxLine = Math.max(total.maxLine, r.counts.maxLine)
    }
    if (operands.length > 1) out += format(total, 'total')
    await ctx.stdout.write(out)
    return status
  },
})
