/**
 * Reads the REPL's input lines from the terminal in raw mode: echoes what is typed,
 * handles backspace, turns Ctrl-C into an interrupt (the line is dropped, the REPL goes
 * on) and Ctrl-D on an empty line into end of input. Without a terminal (piped input
 * marked as a TTY, tests) it reads cooked lines the same way, without echo.
 */
import type { InputStream, OutputStream } from '../../../commands/types.js'
import type { ReplInput } from '../runner.js'

// Cursor keys and other escape sequences are dropped (no line history yet).
const ESCAPES = /\x1b\[[0-9;]*[A-Za-z~]|\x1bO[A-Za-z]/g

export class LineReader {
  #pending = ''
  #decoder = new TextDecoder()
  #ended = false

  constructor(
    private readonly stdin: InputStream,
    private readonly stdout: OutputStream,
    private readonly echo: boolean,
  ) {}

  async readLine(prompt: string): Promise<ReplInput> {
    await this.stdout.write(prompt)
    let line = ''
    for (;;) {
      if (this.#pending === '') {
        if (this.#ended) return this.#end(line)
        const chunk = await this.stdin.read()
        if (chunk === null) {
          this.#ended = true
          return this.#end(line)
        }
        this.#pending = this.#decoder.decode(chunk, { stream: true }).replace(ESCAPES, '')
        continue
      }
      const c = this.#pending[0] as string
      this.#pending = this.#pending.slice(1)
      if (c === '\x04') {
        if (line !== '') continue
        if (this.echo) await this.stdout.write('\r\n')
        return null
      }
      if (c === '\x03') {
        if (this.echo) await this.stdout.write('^C\r\n')
        return { interrupt: true, text: line }
      }
      if (c === '\r' || c === '\n') {
        // A CR LF pair is one line end.
        if (c === '\r' && this.#pending[0] === '\n') this.#pending = this.#pending.slice(1)
        if (this.echo) await this.stdout.write('\r\n')
        return line
      }
      if (c === '\x7f' || c === '\b') {
        if (line) {
          line = [...line].slice(0, -1).join('')
          if (this.echo) await this.stdout.write('\b \b')
        }
        continue
      }
      if (c < ' ' && c !== '\t') continue
      line += c
      if (this.echo) await this.stdout.write(c)
    }
  }

  async #end(line: string): Promise<ReplInput> {
    if (line !== '') return line
    if (this.echo) await this.stdout.write('\r\n')
    return null
  }
}
