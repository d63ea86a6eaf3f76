/**
 * Shell-side streams: a line-reading wrapper so `read` takes exactly one line and leaves
 * the rest for the next reader, file streams over the VFS for redirections, and the
 * per-command descriptor table.
 */
import { BaseInput, emptyInput, toBytes } from '../commands/io.js'
import type { InputStream, OutputStream } from '../commands/types.js'
import type { Vfs } from '../vfs/types.js'
import { shouldYield, yieldToEventLoop } from './yield.js'
import { concatBytes } from '../commands/lib/bytes.js'

const decoder = new TextDecoder()
const encoder = new TextEncoder()

/** Input with pushback: `readLine` consumes one line; the rest stays for later reads. */
export class LineInput extends BaseInput {
  private buf: Uint8Array | null = null
  private ended = false
  constructor(readonly source: InputStream) {
    super()
  }
  get isTTY(): boolean {
    return this.source.isTTY
  }
  async read(): Promise<Uint8Array | null> {
    if (this.buf && this.buf.length) {
      const b = this.buf
      this.buf = null
      return b
    }
    if (this.ended) return null
    const c = await this.source.read()
    if (c === null) this.ended = true
    return c
  }
  unread(b: Uint8Array): void {
    if (!b.length) return
    if (!this.buf || !this.buf.length) this.buf = b
    else {
      const n = new Uint8Array(b.length + this.buf.length)
      n.set(b)
      n.set(this.buf, b.length)
      this.buf = n
    }
  }
  /** Reads up to and including `delim`; returns the text without it, or null at end of input. */
  async readLine(delim = 10): Promise<{ line: string; complete: boolean } | null> {
    const parts: Uint8Array[] = []
    for (;;) {
      const c = await this.read()
      if (c === null) {
        if (!parts.length) return null
        return { line: decoder.decode(concatBytes(parts)), complete: false }
      }
      const i = c.indexOf(delim)
      if (i >= 0) {
        parts.push(c.subarray(0, i))
        this.unread(c.subarray(i + 1))
        return { line: decoder.decode(concatBytes(parts)), complete: true }
      }
      parts.push(c)
    }
  }
  /** Reads exactly n characters (fewer at end of input). */
  async readChars(n: number): Promise<string | null> {
    let out = ''
    while ([...out].length < n) {
      const c = await this.read()
      if (c === null) break
      const text = decoder.decode(c)
      const chars = [...text]
      const need = n - [...out].length
      out += chars.slice(0, need).join('')
      if (chars.length > need) this.unread(encoder.encode(chars.slice(need).join('')))
    }
    return out === '' && n > 0 ? null : out
  }
}

const wrappers = new WeakMap<InputStream, LineInput>()

export function lineInput(s: InputStream): LineInput {
  if (s instanceof LineInput) return s
  let w = wrappers.get(s)
  if (!w) {
    w = new LineInput(s)
    wrappers.set(s, w)
  }
  return w
}


/** Output into a VFS file; buffered and flushed on close (or when the buffer grows large). */
export class FileOutput implements OutputStream {
  readonly isTTY = false
  private parts: Uint8Array[] = []
  private size = 0
  constructor(
    private readonly fs: Vfs,
    readonly path: string,
    private readonly buffered = true,
  ) {}
  async write(chunk: string | Uint8Array): Promise<void> {
    const b = toBytes(chunk)
    if (!b.length) return
    await yieldSometimes()
    if (!this.buffered) {
      this.fs.writeFile(this.path, b, { append: true })
      return
    }
    this.parts.push(b.slice())
    this.size += b.length
    if (this.size >= 256 * 1024) this.flush()
  }
  flush(): void {
    if (!this.parts.length) return
    const data = concatBytes(this.parts)
    this.parts = []
    this.size = 0
    this.fs.writeFile(this.path, data, { append: true })
  }
}

/** Reads a VFS file in slices so a large file streams with back-pressure. */
export class FileInput extends BaseInput {
  readonly isTTY = false
  private offset = 0
  private size: number
  constructor(
    private readonly fs: Vfs,
    private readonly path: string,
  ) {
    super()
    this.size = fs.stat(path).size
  }
  async read(): Promise<Uint8Array | null> {
    if (this.offset >= this.size) return null
    const length = Math.min(64 * 1024, this.size - this.offset)
    const b = this.fs.readFile(this.path, { offset: this.offset, length })
    this.offset += length
    return b.length ? b : null
  }
}

/**
 * Sinks that never block (/dev/null, files, collected exec output) would let a writer like
 * `yes` run without ever giving timers or Ctrl-C a turn; every few hundred writes they yield.
 */
export async function yieldSometimes(): Promise<void> {
  if (shouldYield()) await yieldToEventLoop()
}

export const nullOutput: OutputStream = {
  isTTY: false,
  async write() {
    await yieldSometimes()
  },
}

/** Wraps an output so that writing to it yields to the event loop now and then. */
export function yielding(out: OutputStream): OutputStream {
  return {
    get isTTY() {
      return out.isTTY
    },
    async write(chunk) {
      await out.write(chunk)
      await yieldSometimes()
    },
  }
}

export type Stream = InputStream | OutputStream
export const isOutput = (s: Stream): s is OutputStream => 'write' in s

/** The descriptor table of one command: 0, 1, 2 and any extra fds (`3>file`). */
export interface Io {
  stdin: LineInput
  stdout: OutputStream
  stderr: OutputStream
  extra?: Map<number, Stream>
}

export const emptyLineInput = (): LineInput => new LineInput(emptyInput())

export function getFd(io: Io, fd: number): Stream | undefined {
  if (fd === 0) return io.stdin
  if (fd === 1) return io.stdout
  if (fd === 2) return io.stderr
  return io.extra?.get(fd)
}

export function setFd(io: Io, fd: number, s: Stream | undefined): void {
  if (fd === 0) io.stdin = s && !isOutput(s) ? lineInput(s) : emptyLineInput()
  else if (fd === 1) io.stdout = s && isOutput(s) ? s : nullOutput
  else if (fd === 2) io.stderr = s && isOutput(s) ? s : nullOutput
  else {
    io.extra ??= new Map()
    if (s) io.extra.set(fd, s)
    else io.extra.delete(fd)
  }
}

export const copyIo = (io: Io): Io => {
  const c: Io = { stdin: io.stdin, stdout: io.stdout, stderr: io.stderr }
  if (io.extra) c.extra = new Map(io.extra)
  return c
}
