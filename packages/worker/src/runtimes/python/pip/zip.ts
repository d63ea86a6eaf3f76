/**
 * A small reader for zip archives (wheels): the central directory, then each entry's data,
 * stored or deflated (inflated with the platform's DecompressionStream). Enough for
 * wheels; no zip64, encryption or multi-disk archives.
 */
export class ZipError extends Error {
  override readonly name = 'ZipError'
}

export interface ZipEntry {
  name: string
  /** Unix permission bits when the archive records them, else undefined. */
  mode: number | undefined
  read(): Promise<Uint8Array>
}

const EOCD = 0x06054b50
const CENTRAL = 0x02014b50
const LOCAL = 0x04034b50

const inflateRaw = async (data: Uint8Array): Promise<Uint8Array> =>
  new Uint8Array(await new Response(new Blob([data.slice()]).stream().pipeThrough(new DecompressionStream('deflate-raw'))).arrayBuffer())

export function readZip(bytes: Uint8Array): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  let eocd = -1
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (view.getUint32(i, true) === EOCD) {
      eocd = i
      break
    }
  }
  if (eocd < 0) throw new ZipError('not a zip archive (no end of central directory)')
  const count = view.getUint16(eocd + 10, true)
  let at = view.getUint32(eocd + 16, true)
  const decoder = new TextDecoder()
  const entries: ZipEntry[] = []
  for (let i = 0; i < count; i++) {
    if (at + 46 > bytes.length || view.getUint32(at, true) !== CENTRAL) throw new ZipError('corrupt central directory')
    const method = view.getUint16(at + 10, true)
    const compressed = view.getUint32(at + 20, true)
    const nameLen = view.getUint16(at + 28, true)
    const extraLen = view.getUint16(at + 30, true)
    const commentLen = view.getUint16(at + 32, true)
    const external = view.getUint32(at + 38, true)
    const local = view.getUint32(at + 42, true)
    const name = decoder.decode(bytes.subarray(at + 46, at + 46 + nameLen))
    const unixMode = external >>> 16
    entries.push({
      name,
      mode: unixMode ? unixMode & 0o7777 : undefined,
      async read() {
        if (view.getUint32(local, true) !== LOCAL) throw new ZipError(`corrupt entry ${name}`)
        const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true)
        const data = bytes.subarray(start, start + compressed)
        if (method === 0) return data.slice()
        if (method === 8) return inflateRaw(data)
        throw new ZipError(`${name}: unsupported compression method ${method}`)
      },
    })
    at += 46 + nameLen + extraLen + commentLen
  }
  return entries
}
