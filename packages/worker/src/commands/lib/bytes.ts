/** A growable byte buffer: text goes in as UTF-8, escapes like `\xff` as raw bytes. */
const encoder = new TextEncoder()

export class ByteBuilder {
  #buf = new Uint8Array(256)
  #len = 0
  get length(): number {
    return this.#len
  }
  #grow(n: number) {
    if (this.#len + n <= this.#buf.length) return
    const next = new Uint8Array(Math.max(this.#buf.length * 2, this.#len + n))
    next.set(this.#buf.subarray(0, this.#len))
    this.#buf = next
  }
  text(s: string): this {
    if (s === '') return this
    return this.bytes(encoder.encode(s))
  }
  byte(b: number): this {
    this.#grow(1)
    this.#buf[this.#len++] = b & 0xff
    return this
  }
  bytes(b: Uint8Array): this {
    this.#grow(b.length)
    this.#buf.set(b, this.#len)
    this.#len += b.length
    return this
  }
  result(): Uint8Array {
    return this.#buf.slice(0, this.#len)
  }
}

/**
 * `parts` joined into one array; `size` (at least their total) zero-pads the end. A single
 * part without padding is returned as it is, not copied.
 */
export function concatBytes<B extends ArrayBufferLike>(parts: readonly Uint8Array<B>[], size?: number): Uint8Array<B | ArrayBuffer> {
  if (parts.length === 1 && size === undefined) return parts[0] as Uint8Array<B>
  const out = new Uint8Array(size ?? parts.reduce((n, p) => n + p.length, 0))
  let at = 0
  for (const p of parts) {
    out.set(p, at)
    at += p.length
  }
  return out
}
