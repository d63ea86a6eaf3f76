/**
 * The interactive terminal driver: raw keystrokes in, terminal bytes out. At the prompt,
 * keys go to the line editor; while a command runs they become its stdin (cooked: echoed
 * and line-buffered; raw when it asked via setRawMode). Ctrl-C interrupts, Ctrl-Z stops
 * the foreground command into the job table. Output is batched so floods stay responsive.
 */
import { BaseInput } from '../commands/io.js'
import type { OutputStream, TerminalControl } from '../commands/types.js'
import { complete } from './completion.js'
import type { Shell } from './index.js'
import { JobTable } from './jobs.js'
import { LineEditor } from './line-editor.js'
import { pause, waitIfPaused } from './pause.js'
import type { HistoryStore, InteractiveShellOptions } from './types.js'

const encoder = new TextEncoder()
const FLUSH_AT = 64 * 1024

/** Keystrokes typed while a command runs, as its stdin. */
class TerminalInput extends BaseInput {
  readonly isTTY = true
  private queue: Uint8Array[] = []
  private eofPending = false
  private wake: (() => void) | undefined
  constructor(private readonly signal: AbortSignal) {
    super()
    signal.addEventListener('abort', () => this.wake?.(), { once: true })
  }
  push(data: string): void {
    this.queue.push(encoder.encode(data))
    this.wake?.()
  }
  end(): void {
    this.eofPending = true
    this.wake?.()
  }
  async read(): Promise<Uint8Array | null> {
    for (;;) {
      const next = this.queue.shift()
      if (next) return next
      if (this.eofPending) {
        this.eofPending = false
        return null
      }
      if (this.signal.aborted) return null
      await new Promise<void>((r) => (this.wake = r))
      this.wake = undefined
    }
  }
}

/** Memory-only history for shells created without a store. */
function memoryHistory(): HistoryStore {
  const lines: string[] = []
  return { list: () => lines.slice(), add: (l) => void lines.push(l), clear: () => void (lines.length = 0) }
}

interface Foreground {
  text: string
  controller: AbortController
  stdin: TerminalInput
  promise: Promise<number>
  lineBuf: string
}

export class InteractiveShell {
  private readonly editor: LineEditor
  private cols: number
  private rows: number
  private pendingLines: string[] = []
  private fg: Foreground | undefined
  private raw = false
  private outBuf = ''
  private flushTimer: ReturnType<typeof setTimeout> | undefined
  private flushWaiters: Array<() => void> = []

  constructor(
    readonly shell: Shell,
    private readonly opts: InteractiveShellOptions,
  ) {
    this.cols = opts.cols ?? 80
    this.rows = opts.rows ?? 24
    shell.state.interactive = true
    shell.rt.history ??= memoryHistory()
    this.editor = new LineEditor({
      history: () => shell.rt.history?.list() ?? [],
      complete: (line, cursor) => complete(shell.interp, line, cursor),
      cols: () => this.cols,
    })
  }

  get busy(): boolean {
    return this.fg !== undefined
  }

  start(): void {
    this.showPrompt()
  }

  resize(cols: number, rows: number): void {
    this.cols = Math.max(1, cols)
    this.rows = Math.max(1, rows)
  }

  input(data: string): void {
    if (this.fg) this.toCommand(data)
    else this.toEditor(data)
  }

  // ---- output ----

  private writeNow(s: string): void {
    this.flush()
    if (s) this.opts.write(s)
  }

  private flush(): void {
    if (this.flushTimer) {
      clearTimeout(this.flushTimer)
      this.flushTimer = undefined
    }
    if (this.outBuf) {
      const s = this.outBuf
      this.outBuf = ''
      this.opts.write(s)
    }
    const waiters = this.flushWaiters
    this.flushWaiters = []
    for (const w of waiters) w()
  }

  private terminalOutput(signal: AbortSignal): OutputStream {
    const decoder = new TextDecoder()
    return {
      isTTY: true,
      write: async (chunk) => {
        const paused = waitIfPaused(signal)
        if (paused) await paused
        let text = typeof chunk === 'string' ? chunk : decoder.decode(chunk, { stream: true })
        if (!this.raw) text = sanitize(text)
        this.outBuf += text
        if (this.outBuf.length >= FLUSH_AT) {
          // Back-pressure: the writer waits for the batch to go out (and input to get in).
          await new Promise<void>((r) => {
            this.flushWaiters.push(r)
            this.flushTimer ??= setTimeout(() => this.flush(), 0)
          })
        } else this.flushTimer ??= setTimeout(() => this.flush(), 0)
      },
    }
  }

  // ---- prompt ----

  private promptText(): string {
    const st = this.shell.state
    const home = st.get('HOME') ?? '/home/user'
    const cwd = st.cwd === home ? '~' : st.cwd.startsWith(home + '/') ? '~' + st.cwd.slice(home.length) : st.cwd
    return `${st.get('USER') ?? 'user'}@${this.shell.rt.hostname}:${cwd}$ `
  }

  private showPrompt(): void {
    let notes = ''
    for (const job of this.shell.rt.jobs.takeFinished()) notes += JobTable.format(job, true) + '\r\n'
    this.writeNow(notes + this.editor.begin(this.pendingLines.length ? '> ' : this.promptText()))
  }

  // ---- at the prompt ----

  private toEditor(data: string): void {
    const r = this.editor.feed(data)
    this.writeNow(r.output)
    for (const ev of r.events) {
      if (ev.type === 'interrupt') {
        this.pendingLines = []
        this.shell.state.lastStatus = 130
        this.showPrompt()
      } else if (ev.type === 'eof') {
        if (this.pendingLines.length) {
          this.writeNow('\r\nbash: syntax error: unexpected end of file\r\n')
          this.pendingLines = []
          this.showPrompt()
        } else this.runLine('exit', true)
      } else if (ev.type === 'submit') this.submit(ev.line)
    }
    if (r.rest) this.input(r.rest)
  }

  private submit(line: string): void {
    const lines = [...this.pendingLines, line]
    const source = lines.join('\n')
    if (this.shell.isIncomplete(source)) {
      this.pendingLines = lines
      this.showPrompt()
      return
    }
    this.pendingLines = []
    if (!source.trim()) {
      this.showPrompt()
      return
    }
    const hist = this.shell.rt.history
    if (hist && !source.startsWith(' ')) {
      const all = hist.list()
      if (all[all.length - 1] !== source) hist.add(source)
    }
    this.runLine(source, false)
  }

  private runLine(source: string, fromEof: boolean): void {
    const controller = new AbortController()
    const stdin = new TerminalInput(controller.signal)
    const out = this.terminalOutput(controller.signal)
    const terminal: TerminalControl = {
      cols: this.cols,
      rows: this.rows,
      setRawMode: (raw) => {
        this.raw = raw
      },
    }
    Object.defineProperty(terminal, 'cols', { get: () => this.cols })
    Object.defineProperty(terminal, 'rows', { get: () => this.rows })
    this.shell.rt.terminal = terminal
    if (fromEof) this.writeNow('exit\r\n')
    const fg: Foreground = {
      text: source,
      controller,
      stdin,
      lineBuf: '',
      promise: Promise.resolve(0),
    }
    const run = this.shell.runLine(source, { stdin, stdout: out, stderr: out, signal: controller.signal, terminal })
    fg.promise = run.then(
      (r) => {
        if (r.exited && this.fg === fg) this.onExit(r.status)
        return r.status
      },
      async (e: unknown) => {
        await out.write(`bash: internal error: ${e instanceof Error ? e.message : String(e)}\n`)
        return 1
      },
    )
    this.fg = fg
    void fg.promise.then(() => {
      if (this.fg !== fg) return
      this.fg = undefined
      this.raw = false
      delete this.shell.rt.terminal
      if (controller.signal.aborted) {
        const trap = this.shell.state.traps.get('INT')
        if (trap) void this.shell.runLine(trap, { stdout: out, stderr: out })
      }
      this.flush()
      this.showPrompt()
    })
  }

  private onExit(status: number): void {
    this.opts.onExit?.(status)
  }

  // ---- while a command runs ----

  private toCommand(data: string): void {
    const fg = this.fg!
    if (this.raw) {
      fg.stdin.push(data)
      return
    }
    for (let i = 0; i < data.length; i++) {
      const c = data[i]!
      if (c === '\x03') {
        this.writeNow('^C\r\n')
        fg.lineBuf = ''
        fg.controller.abort({ status: 130 })
        return
      }
      if (c === '\x1a') {
        this.stopForeground()
        return
      }
      if (c === '\x04') {
        if (fg.lineBuf) fg.stdin.push(fg.lineBuf)
        else fg.stdin.end()
        fg.lineBuf = ''
        continue
      }
      if (c === '\r' || c === '\n') {
        this.writeNow('\r\n')
        fg.stdin.push(fg.lineBuf + '\n')
        fg.lineBuf = ''
        continue
      }
      if (c === '\x7f' || c === '\b') {
        if (fg.lineBuf) {
          fg.lineBuf = [...fg.lineBuf].slice(0, -1).join('')
          this.writeNow('\b \b')
        }
        continue
      }
      if (c === '\x1b') {
        const m = /^\x1b(\[[0-9;?]*[ -/]*[@-~]|O.|.)?/.exec(data.slice(i))
        i += (m ? m[0].length : 1) - 1
        continue
      }
      if (c < ' ' && c !== '\t') continue
      fg.lineBuf += c
      this.writeNow(c)
    }
  }

  private stopForeground(): void {
    const fg = this.fg!
    const resume = pause(fg.controller.signal)
    const job = this.shell.rt.jobs.adopt(fg.text, fg.promise, fg.controller, { resume })
    this.fg = undefined
    this.raw = false
    delete this.shell.rt.terminal
    this.writeNow(`^Z\r\n${JobTable.format(job, true)}\r\n`)
    this.showPrompt()
  }
}

/** Terminal-safe text: newlines become CRLF, stray control bytes (from binary files) are dropped. */
export function sanitize(text: string): string {
  // eslint-disable-next-line no-control-regex
  return text.replace(/[\x00-\x06\x0e-\x1a\x1c-\x1f\x7f]/g, '').replace(/\r?\n/g, '\r\n')
}
