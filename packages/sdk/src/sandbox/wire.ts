/**
 * JSON for the remote sandbox API: bytes travel as `{ "$bytes": "<base64>" }`. The same
 * small codec the Worker's remote route uses.
 */
const BYTES_KEY = '$bytes'

function toBase64(bytes: Uint8Array): string {
  let bin = ''
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000))
  return btoa(bin)
}

function fromBase64(text: string): Uint8Array {
  const bin = atob(text)
  const out = new Uint8Array(bin.length)
  for (let i = 0; i < bin.length; i++) out[i] = bin.charCodeAt(i)
  return out
}

export function encodeWire(value: unknown): unknown {
  if (value instanceof Uint8Array) return { [BYTES_KEY]: toBase64(value) }
  if (Array.isArray(value)) return value.map(encodeWire)
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {}
    for (const [k, v] of Object.entries(value)) if (v !== undefined) out[k] = encodeWire(v)
    return out
  }
  return value
}

export function decodeWire(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decodeWire)
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value)
    if (entries.length === 1 && entries[0]?.[0] === BYTES_KEY && typeof entries[0][1] === 'string') return fromBase64(entries[0][1])
    const out: Record<string, unknown> = {}
    for (const [k, v] of entries) out[k] = decodeWire(v)
    return out
  }
  return value
}
