/**
 * Everything a command touches outside itself comes in through `CliIo`, so tests can run
 * commands in-process with fake streams, env and fetch, and the real bin passes `process`.
 */
import { colourEnabled, createStyle, type Style } from './style.js'

export interface OutStream {
  write(chunk: string): unknown
  isTTY?: boolean
}
export interface InStream extends NodeJS.ReadableStream {
  isTTY?: boolean
}

export interface CliIo {
  cwd: string
  env: Record<string, string | undefined>
  stdin: InStream
  stdout: OutStream
  stderr: OutStream
  fetch: typeof fetch
}

/** Writes results to stdout and diagnostics to stderr, each coloured only when that stream allows. */
export class Output {
  readonly style: Style
  readonly errStyle: Style
  constructor(private readonly io: Pick<CliIo, 'stdout' | 'stderr' | 'env'>) {
    this.style = createStyle(colourEnabled(io.stdout, io.env))
    this.errStyle = createStyle(colourEnabled(io.stderr, io.env))
  }
  /** A line of the command's result. */
  log(text = ''): void {
    this.io.stdout.write(text + '\n')
  }
  /** The machine-readable result of a `--json` run: one JSON document on stdout. */
  json(value: unknown): void {
    this.io.stdout.write(JSON.stringify(value, null, 2) + '\n')
  }
  /** Progress and notes: stderr, so stdout stays the result. */
  info(text: string): void {
    this.io.stderr.write(text + '\n')
  }
  warn(text: string): void {
    this.io.stderr.write(`${this.errStyle.yellow('warning:')} ${text}\n`)
  }
  error(text: string, hint?: string): void {
    this.io.stderr.write(`${this.errStyle.red('error:')} ${text}\n`)
    if (hint) this.io.stderr.write(`${hint}\n`)
  }
}
