/** gzip compression through the platform's CompressionStream (Workers and Node both have it). */
import { concatBytes } from './bytes.js'

const pump = async (data: Uint8Array, stream: CompressionStream | DecompressionStream): Promise<Uint8Array> => {
  const writer = stream.writable.getWriter()
  const done = (async () => {
    await writer.write(data)
    await writer.close()
  })()
  const parts: Uint8Array[] = []
  const reader = stream.readable.getReader()
  for (;;) {
    const { value, done: end } = await reader.read()
    if (end) break
    parts.push(value as Uint8Array)
  }
  await done
  return concatBytes(parts)
}

export const isGzip = (b: Uint8Array): boolean => b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b

export const gzip = (data: Uint8Array): Promise<Uint8Array> => pump(data, new CompressionStream('gzip'))

export class GzipFormatError extends Error {}

/** Decompresses one or more concatenated gzip members. */
export const gunzip = async (data: Uint8Array): Promise<Uint8Array> => {
  if (!isGzip(data)) throw new GzipFormatError('not in gzip format')
  try {
    return await pump(data, new DecompressionStream('gzip'))
  } catch (e) {
    throw new GzipFormatError(e instanceof Error ? e.message : 'invalid compressed data')
  }
}
