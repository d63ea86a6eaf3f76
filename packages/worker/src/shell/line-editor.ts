/**
 * The prompt's line editor, independent of the shell: feed it keystrokes, it keeps the
 * buffer and cursor and returns the terminal bytes that redraw the line. Emacs keys
 * (Ctrl-A/E/K/U/W/L), arrows, Home/End, history, Ctrl-R search and Tab completion.
 */

export interface EditorHost {
  history(): string[]
  complete(line: string, cursor: number): { start: number; candidates: string[] }
  cols(): number
}

export type EditorEvent =
  | { type: 'submit'; line: string }
  | { type: 'interrupt' }
  | { type: 'eof' }
  | { type: 'clear' }

const KEYS: Array<[string, string]> = [
  ['\x1b[1;5C', 'wordRight'], ['\x1b[1;5D', 'wordLeft'],
  ['\x1b[A', 'up'], ['\x1b[B', 'down'], ['\x1b[C', 'right'], ['\x1b[D', 'left'],
  ['\x1bOA', 'up'], ['\x1bOB', 'down'], ['\x1bOC', 'right'], ['\x1bOD', 'left'],
  ['\x1b[H', 'home'], ['\x1b[F', 'end'], ['\x1bOH', 'home'], ['\x1bOF', 'end'],
  ['\x1b[1~', 'home'], ['\x1b[4~', 'end'], ['\x1b[7~', 'home'], ['\x1b[8~', 'end'],
  ['\x1b[3~', 'delete'], ['\x1bb', 'wordLeft'], ['\x1bf', 'wordRight'], ['\x1b\x7f', 'killWordBack'],
]

/** Display width of text (wide CJK/emoji count two columns). */
export function displayWidth(s: string): number {
  let w = 0
  for (const ch of s.replace(/\x1b\[[0-9;]*m/g, '')) {
    const cp = ch.codePointAt(0)!
    w += cp >= 0x1100 && (cp <= 0x115f || (cp >= 0x2e80 && cp <= 0xa4cf) || (cp >= 0xac00 && cp <= 0xd7a3) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xfe30 && cp <= 0xfe4f) || (cp >= 0xff00 && cp <= 0xff60) || (cp >= 0x1f300 && cp <= 0x1faff)) ? 2 : 1
  }
  return w
}

export class LineEditor {
  buffer = ''
  cursor = 0
  prompt = ''
  private histIndex = -1
  private draft = ''
  private search: { query: string; index: number; match: string } | undefined
  private lastWasTab = false

  constructor(private readonly host: EditorHost) {}

  /** Starts a fresh line with `prompt`; returns the bytes to show it. */
  begin(prompt: string): string {
    this.prompt = prompt
    this.buffer = ''
    this.cursor = 0
    this.histIndex = -1
    this.search = undefined
    return prompt
  }

  /**
   * Processes keystrokes. Returns output to write and the events raised (a line submitted,
   * Ctrl-C, Ctrl-D on an empty line). Input after a submit is returned as `rest`.
   */
  feed(data: string): { output: string; events: EditorEvent[]; rest: string } {
    let output = ''
    const events: EditorEvent[] = []
    let i = 0
    while (i < data.length) {
      let key = data[i]!
      let name: string | undefined
      if (key === '\x1b') {
        const hit = KEYS.find(([seq]) => data.startsWith(seq, i))
        if (hit) {
          key = hit[0]
          name = hit[1]
        } else {
          // Unknown escape sequence: skip it whole.
          const m = /^\x1b(\[[0-9;?]*[ -/]*[@-~]|O.|.)?/.exec(data.slice(i))
          i += m ? m[0].length : 1
          if (this.search) output += this.endSearch()
          continue
        }
      }
      i += key.length
      const before = this.snapshot()
      if (this.search) {
        const r = this.searchKey(key, name)
        output += r.output
        if (r.event) {
          events.push(r.event)
          return { output, events, rest: data.slice(i) }
        }
        continue
      }
      const tab = key === '\t'
      switch (name ?? key) {
        case '\r': case '\n': {
          const line = this.buffer
          output += this.moveToEnd() + '\r\n'
          events.push({ type: 'submit', line })
          this.buffer = ''
          this.cursor = 0
          return { output, events, rest: data.slice(i) }
        }
        case '\x03':
          output += this.moveToEnd() + '^C\r\n'
          this.buffer = ''
          this.cursor = 0
          events.push({ type: 'interrupt' })
          return { output, events, rest: data.slice(i) }
        case '\x04':
          if (this.buffer === '') {
            events.push({ type: 'eof' })
            return { output, events, rest: data.slice(i) }
          }
          this.deleteAt(this.cursor)
          break
        case '\x7f': case '\b':
          if (this.cursor > 0) {
            const prev = this.prevCharStart()
            this.buffer = this.buffer.slice(0, prev) + this.buffer.slice(this.cursor)
            this.cursor = prev
          }
          break
        case 'delete':
          this.deleteAt(this.cursor)
          break
        case '\x01': case 'home': this.cursor = 0; break
        case '\x05': case 'end': this.cursor = this.buffer.length; break
        case '\x02': case 'left': if (this.cursor > 0) this.cursor = this.prevCharStart(); break
        case '\x06': case 'right': if (this.cursor < this.buffer.length) this.cursor += this.charLenAt(this.cursor); break
        case 'wordLeft': this.cursor = this.wordStart(); break
        case 'wordRight': {
          let c = this.cursor
          while (c < this.buffer.length && /\s/.test(this.buffer[c]!)) c++
          while (c < this.buffer.length && !/\s/.test(this.buffer[c]!)) c++
          this.cursor = c
          break
        }
        case '\x0b': this.buffer = this.buffer.slice(0, this.cursor); break
        case '\x15':
          this.buffer = this.buffer.slice(this.cursor)
          this.cursor = 0
          break
        case '\x17': case 'killWordBack': {
          const start = this.wordStart()
          this.buffer = this.buffer.slice(0, start) + this.buffer.slice(this.cursor)
          this.cursor = start
          break
        }
        case '\x0c':
          events.push({ type: 'clear' })
          output += '\x1b[H\x1b[2J' + this.prompt + this.buffer + this.cursorBackFromEnd()
          continue
        case '\x10': case 'up': this.historyMove(-1); break
        case '\x0e': case 'down': this.historyMove(1); break
        case '\x12':
          this.search = { query: '', index: this.host.history().length, match: '' }
          output += this.renderSearch(before)
          continue
        case '\t':
          output += this.completeKey(before)
          this.lastWasTab = true
          continue
        default: {
          if (key.length === 1 && key < ' ') break
          const atEnd = this.cursor === this.buffer.length
          this.buffer = this.buffer.slice(0, this.cursor) + key + this.buffer.slice(this.cursor)
          this.cursor += key.length
          // Typing at the end of a line that does not wrap: just echo the key.
          const width = displayWidth(this.prompt + this.buffer)
          if (atEnd && Math.floor(width / Math.max(1, this.host.cols())) === Math.floor(before.width / Math.max(1, this.host.cols())) && width % Math.max(1, this.host.cols()) !== 0) {
            this.lastWasTab = false
            output += key
            continue
          }
        }
      }
      if (!tab) this.lastWasTab = false
      output += this.redraw(before)
    }
    return { output, events, rest: '' }
  }

  private snapshot(): { width: number; cursorWidth: number; prompt: string } {
    return {
      prompt: this.prompt,
      width: displayWidth(this.prompt + this.buffer),
      cursorWidth: displayWidth(this.prompt + this.buffer.slice(0, this.cursor)),
    }
  }

  private charLenAt(i: number): number {
    const cp = this.buffer.codePointAt(i)
    return cp !== undefined && cp > 0xffff ? 2 : 1
  }

  private prevCharStart(): number {
    const c = this.cursor
    if (c >= 2) {
      const code = this.buffer.charCodeAt(c - 1)
      if (code >= 0xdc00 && code <= 0xdfff) return c - 2
    }
    return c - 1
  }

  private deleteAt(i: number): void {
    if (i < this.buffer.length) this.buffer = this.buffer.slice(0, i) + this.buffer.slice(i + this.charLenAt(i))
  }

  private wordStart(): number {
    let c = this.cursor
    while (c > 0 && /\s/.test(this.buffer[c - 1]!)) c--
    while (c > 0 && !/\s/.test(this.buffer[c - 1]!)) c--
    return c
  }

  private historyMove(dir: number): void {
    const hist = this.host.history()
    if (this.histIndex === -1) {
      if (dir > 0) return
      this.draft = this.buffer
      this.histIndex = hist.length
    }
    const next = this.histIndex + dir
    if (next < 0) return
    if (next >= hist.length) {
      this.histIndex = -1
      this.buffer = this.draft
    } else {
      this.histIndex = next
      this.buffer = hist[next]!
    }
    this.cursor = this.buffer.length
  }

  /** Moves the terminal cursor from where `before` left it to the start of the prompt. */
  private toStart(before: { cursorWidth: number }): string {
    const cols = Math.max(1, this.host.cols())
    const row = Math.floor(before.cursorWidth / cols)
    return (row > 0 ? `\x1b[${row}A` : '') + '\r'
  }

  /** Redraws prompt and buffer and places the cursor. */
  redraw(before: { cursorWidth: number }): string {
    const cols = Math.max(1, this.host.cols())
    let out = this.toStart(before) + this.prompt + this.buffer + '\x1b[J'
    const end = displayWidth(this.prompt + this.buffer)
    if (end > 0 && end % cols === 0) out += '\r\n'
    out += this.cursorBackFromEnd()
    return out
  }

  private cursorBackFromEnd(): string {
    const cols = Math.max(1, this.host.cols())
    const end = displayWidth(this.prompt + this.buffer)
    const cur = displayWidth(this.prompt + this.buffer.slice(0, this.cursor))
    const endRow = Math.floor(end / cols)
    const curRow = Math.floor(cur / cols)
    let out = ''
    if (endRow > curRow) out += `\x1b[${endRow - curRow}A`
    const endCol = end % cols
    const curCol = cur % cols
    if (endRow !== curRow || curCol !== endCol) {
      out += '\r'
      if (curCol > 0) out += `\x1b[${curCol}C`
    }
    return out
  }

  private moveToEnd(): string {
    const cols = Math.max(1, this.host.cols())
    const end = displayWidth(this.prompt + this.buffer)
    const cur = displayWidth(this.prompt + this.buffer.slice(0, this.cursor))
    if (cur === end) return ''
    const down = Math.floor(end / cols) - Math.floor(cur / cols)
    return (down > 0 ? `\x1b[${down}B` : '') + '\r' + (end % cols ? `\x1b[${end % cols}C` : '')
  }

  // ---- Ctrl-R ----

  private renderSearch(before: { cursorWidth: number }): string {
    const s = this.search!
    const line = `(reverse-i-search)\`${s.query}': ${s.match}`
    const out = this.toStart(before) + line + '\x1b[J'
    const cols = Math.max(1, this.host.cols())
    this.searchWidth = displayWidth(line)
    return out + (this.searchWidth > 0 && this.searchWidth % cols === 0 ? '\r\n' : '')
  }

  private searchWidth = 0

  private findMatch(from: number): void {
    const s = this.search!
    const hist = this.host.history()
    for (let i = Math.min(from, hist.length - 1); i >= 0; i--) {
      if (hist[i]!.includes(s.query)) {
        s.index = i
        s.match = hist[i]!
        return
      }
    }
  }

  private endSearch(): string {
    const s = this.search!
    this.search = undefined
    this.buffer = s.match
    this.cursor = this.buffer.length
    return this.redraw({ cursorWidth: this.searchWidth })
  }

  private searchKey(key: string, name: string | undefined): { output: string; event?: EditorEvent } {
    const s = this.search!
    const before = { cursorWidth: this.searchWidth }
    if (key === '\x12') {
      this.findMatch(s.index - 1)
      return { output: this.renderSearch(before) }
    }
    if (key === '\x03' || key === '\x07') {
      this.search = undefined
      this.buffer = ''
      this.cursor = 0
      return { output: this.redraw(before) }
    }
    if (key === '\x7f' || key === '\b') {
      s.query = s.query.slice(0, -1)
      this.findMatch(this.host.history().length - 1)
      if (!s.query) s.match = ''
      return { output: this.renderSearch(before) }
    }
    if (key === '\r' || key === '\n') {
      const out = this.endSearch()
      const line = this.buffer
      this.buffer = ''
      this.cursor = 0
      return { output: out + '\r\n', event: { type: 'submit', line } }
    }
    if (name || key < ' ') return { output: this.endSearch() }
    s.query += key
    this.findMatch(s.index)
    if (!s.match.includes(s.query)) this.findMatch(this.host.history().length - 1)
    return { output: this.renderSearch(before) }
  }

  // ---- Tab ----

  private completeKey(before: { cursorWidth: number }): string {
    const { start, candidates } = this.host.complete(this.buffer, this.cursor)
    if (candidates.length === 0) return '\x07'
    const typed = this.buffer.slice(start, this.cursor)
    if (candidates.length === 1) {
      const c = candidates[0]!
      const insert = c.endsWith('/') ? c : c + ' '
      this.buffer = this.buffer.slice(0, start) + insert + this.buffer.slice(this.cursor)
      this.cursor = start + insert.length
      return this.redraw(before)
    }
    let common = candidates[0]!
    for (const c of candidates) while (!c.startsWith(common)) common = common.slice(0, -1)
    if (common.length > typed.length) {
      this.buffer = this.buffer.slice(0, start) + common + this.buffer.slice(this.cursor)
      this.cursor = start + common.length
      return this.redraw(before)
    }
    if (!this.lastWasTab) return '\x07'
    // Second Tab: list the candidates in columns, then redraw the prompt below.
    const cols = Math.max(1, this.host.cols())
    const names = candidates.map((c) => c.replace(/\/$/, '/').split('/').filter(Boolean).pop() + (c.endsWith('/') ? '/' : ''))
    const width = Math.max(...names.map((n) => displayWidth(n))) + 2
    const perRow = Math.max(1, Math.floor(cols / width))
    let list = ''
    names.forEach((n, i) => {
      list += n.padEnd(width)
      if ((i + 1) % perRow === 0) list = list.trimEnd() + '\r\n'
    })
    if (!list.endsWith('\r\n')) list = list.trimEnd() + '\r\n'
    return this.moveToEnd() + '\r\n' + list + this.prompt + this.buffer + this.cursorBackFromEnd()
  }
}
