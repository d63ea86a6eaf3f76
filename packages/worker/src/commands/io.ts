/**
 * Stream implementations of the InputStream/OutputStream contract: fixed input, a
 * collecting output, and a pipe with real back-pressure. Pipes carry bytes; text is
 * decoded only at the edges, so binary data and UTF-8 split across chunks survive.
 */
import { BrokenPipeError, type InputStream, type OutputStream } from './types.js'
import { concatBytes } from './lib/bytes.js'

const encoder = new TextEncoder()

export const toBytes = (chunk: string | Uint8Array): Uint8Array =>
  typeof chunk === 'string' ? encoder.encode(chunk) : chunk


/** Shared helpers built on `read()`: whole-input reads and line iteration. */
export abstract class BaseInput implements InputStream {
  abstract read(): Promise<Uint8Array | null>
  abstract readonly isTTY: boolean

  async readAll(): Promise<Uint8Array> {
    const parts: Uint8Array[] = []
    for (let c = await this.read(); c !== null; c = await this.read()) parts.push(c)
    return parts.length === 0 ? new Uint8Array(0) : concatBytes(parts)
  }

  async readText(): Promise<string> {
    return new TextDecoder().decode(await this.readAll())
  }

  async *lines(): AsyncIterable<string> {
    // A streaming decoder keeps a multi-byte character split across chunks intact.
    const decoder = new TextDecoder()
    let pending = ''
    for (let c = await this.read(); c !== null; c = await this.read()) {
      pending += decoder.decode(c, { stream: true })
      let nl = pending.indexOf('\n')
      while (nl !== -1) {
        yield pending.slice(0, nl)
        pending = pending.slice(nl + 1)
        nl = pending.indexOf('\n')
      }
    }
    pending += decoder.decode()
    if (pending !== '') yield pending
  }
}

class FixedInput extends BaseInput {
  #data: Uint8Array | null
  constructor(
    data: Uint8Array,
    readonly isTTY: boolean,
  ) {
    super()
    this.#data = data.length > 0 ? data : null
  }
  async read(): Promise<Uint8Array | null> {
    const d = this.#data
    this.#data = null
    return d
  }
}

/** Input that yields `data` once, then end of input. */
export const stringInput = (data: string | Uint8Array, opts: { isTTY?: boolean } = {}): InputStream =>
  new FixedInput(toBytes(data), opts.isTTY ?? false)

/** Input that is already at its end (like `< /dev/null`). */
export const emptyInput = (): InputStream => new FixedInput(new Uint8Array(0), false)

export interface CollectedOutput extends OutputStream {
  /** This object itself, for call sites that want an explicit stream. */
  readonly stream: OutputStream
  text(): string
  bytes(): Uint8Array
}

/** An output that keeps everything written to it (tests, `$(…)`, exec results). */
export const collectOutput = (opts: { isTTY?: boolean } = {}): CollectedOutput => {
  const parts: Uint8Array[] = []
  let size = 0
  const out: CollectedOutput = {
    isTTY: opts.isTTY ?? false,
    get stream() {
      return out
    },
    async write(chunk) {
      const b = toBytes(chunk)
      if (b.length === 0) return
      // Copy: a writer may reuse its buffer after the promise resolves.
      parts.push(b.slice())
      size += b.length
    },
    bytes() {
      const all = parts.length === 0 ? new Uint8Array(0) : concatBytes(parts, size)
      parts.length = 0
      if (all.length > 0) parts.push(all)
      return all
    },
    text() {
      return new TextDecoder().decode(out.bytes())
    },
  }
  return out
}

export interface PipeReader extends InputStream {
  /** The reader is done: pending and future writes fail with BrokenPipeError. */
  close(): void
}

export interface PipeWriter extends OutputStream {
  /** End of input for the reader once the buffer drains. Idempotent. */
  close(): void
}

/**
 * A bounded in-memory pipe. `write` resolves once the buffer is below `highWaterMark`
 * (so a fast producer waits for its consumer) and rejects with BrokenPipeError once the
 * reader has closed, which is how `yes | head -n 1` ends.
 */
export const createPipe = (highWaterMark = 64 * 1024): { reader: PipeReader; writer: PipeWriter } => {
  const queue: Uint8Array[] = []
  let buffered = 0
  let writerClosed = false
  let readerClosed = false
  let wakeReader: (() => void) | null = null
  const blockedWriters: Array<{ resolve: () => void; reject: (e: Error) => void }> = []

  const notifyReader = () => {
    const w = wakeReader
    wakeReader = null
    w?.()
  }
  const releaseWriters = () => {
    while (blockedWriters.length > 0 && (buffered < highWaterMark || readerClosed)) {
      const w = blockedWriters.shift()
      if (!w) break
      if (readerClosed) w.reject(new BrokenPipeError())
      else w.resolve()
    }
  }

  class Reader extends BaseInput implements PipeReader {
    readonly isTTY = false
    async read(): Promise<Uint8Array | null> {
      while (queue.length === 0) {
        if (writerClosed || readerClosed) return null
        await new Promise<void>((r) => (wakeReader = r))
      }
      const chunk = queue.shift() as Uint8Array
      buffered -= chunk.length
      releaseWriters()
      return chunk
    }
    close(): void {
      if (readerClosed) return
      readerClosed = true
      queue.length = 0
      buffered = 0
      releaseWriters()
      notifyReader()
    }
  }

  const writer: PipeWriter = {
    isTTY: false,
    async write(chunk) {
      if (readerClosed) throw new BrokenPipeError()
      if (writerClosed) throw new Error('write after close')
      const b = toBytes(chunk)
      if (b.length === 0) return
      queue.push(b.slice())
      buffered += b.length
      notifyReader()
      if (buffered >= highWaterMark) {
        await new Promise<void>((resolve, reject) => blockedWriters.push({ resolve, reject }))
      }
    },
    close() {
      if (writerClosed) return
      writerClosed = true
      notifyReader()
    },
  }
  return { reader: new Reader(), writer }
}

/** Decodes a stream of byte chunks into text without splitting multi-byte characters. */
export const decodeChunks = async function* (input: InputStream): AsyncIterable<string> {
  const decoder = new TextDecoder()
  for (let c = await input.read(); c !== null; c = await input.read()) {
    const s = decoder.decode(c, { stream: true })
    if (s !== '') yield s
  }
  const tail = decoder.decode()
  if (tail !== '') yield tail
}
