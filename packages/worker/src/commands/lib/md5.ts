/** MD5 (RFC 1321). WebCrypto has no MD5, and md5sum is still what people type. */

const S = [7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 7, 12, 17, 22, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 5, 9, 14, 20, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 4, 11, 16, 23, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21, 6, 10, 15, 21]
const K = Array.from({ length: 64 }, (_, i) => Math.floor(Math.abs(Math.sin(i + 1)) * 2 ** 32) >>> 0)

/** Incremental MD5 so large inputs can stream through. */
export class Md5 {
  #h = new Uint32Array([0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476])
  #buf = new Uint8Array(64)
  #bufLen = 0
  #total = 0
  #w = new Uint32Array(16)

  update(data: Uint8Array): this {
    this.#total += data.length
    let i = 0
    if (this.#bufLen > 0) {
      const take = Math.min(64 - this.#bufLen, data.length)
      this.#buf.set(data.subarray(0, take), this.#bufLen)
      this.#bufLen += take
      i = take
      if (this.#bufLen === 64) {
        this.#block(this.#buf, 0)
        this.#bufLen = 0
      }
    }
    for (; i + 64 <= data.length; i += 64) this.#block(data, i)
    if (i < data.length) {
      this.#buf.set(data.subarray(i), 0)
      this.#bufLen = data.length - i
    }
    return this
  }

  digest(): Uint8Array {
    const bits = this.#total * 8
    const pad = new Uint8Array(((this.#bufLen < 56 ? 56 : 120) - this.#bufLen) + 8)
    pad[0] = 0x80
    const lenAt = pad.length - 8
    for (let k = 0; k < 8; k++) pad[lenAt + k] = Math.floor(bits / 2 ** (8 * k)) & 0xff
    this.#total -= 0
    const saveTotal = this.#total
    this.update(pad)
    this.#total = saveTotal
    const out = new Uint8Array(16)
    for (let k = 0; k < 4; k++) {
      const v = this.#h[k] as number
      out[k * 4] = v & 0xff
      out[k * 4 + 1] = (v >>> 8) & 0xff
      out[k * 4 + 2] = (v >>> 16) & 0xff
      out[k * 4 + 3] = (v >>> 24) & 0xff
    }
    return out
  }

  #block(b: Uint8Array, off: number) {
    const w = this.#w
    for (let k = 0; k < 16; k++) {
      const o = off + k * 4
      w[k] = ((b[o] as number) | ((b[o + 1] as number) << 8) | ((b[o + 2] as number) << 16) | ((b[o + 3] as number) << 24)) >>> 0
    }
    let [a, bb, c, d] = this.#h as unknown as [number, number, number, number]
    for (let i = 0; i < 64; i++) {
      let f: number
      let g: number
      if (i < 16) {
        f = (bb & c) | (~bb & d)
        g = i
      } else if (i < 32) {
        f = (d & bb) | (~d & c)
        g = (5 * i + 1) % 16
      } else if (i < 48) {
        f = bb ^ c ^ d
        g = (3 * i + 5) % 16
      } else {
        f = c ^ (bb | ~d)
        g = (7 * i) % 16
      }
      const tmp = d
      d = c
      c = bb
      const sum = (a + f + (K[i] as number) + (w[g] as number)) >>> 0
      const s = S[i] as number
      bb = (bb + ((sum << s) | (sum >>> (32 - s)))) >>> 0
      a = tmp
    }
    this.#h[0] = ((this.#h[0] as number) + a) >>> 0
    this.#h[1] = ((this.#h[1] as number) + bb) >>> 0
    this.#h[2] = ((this.#h[2] as number) + c) >>> 0
    this.#h[3] = ((this.#h[3] as number) + d) >>> 0
  }
}

export const hex = (b: Uint8Array): string => Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
