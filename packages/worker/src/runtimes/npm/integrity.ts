/**
 * Subresource-integrity checks for tarballs: `sha512-<base64>` (what registries publish
 * today), with the legacy hex sha1 `shasum` as a fallback.
 */

export class IntegrityError extends Error {
  override readonly name = 'IntegrityError'
  readonly code = 'EINTEGRITY'
}

const b64 = (buf: ArrayBuffer) => btoa(String.fromCharCode(...new Uint8Array(buf)))
const hex = (buf: ArrayBuffer) => [...new Uint8Array(buf)].map((b) => b.toString(16).padStart(2, '0')).join('')

export async function sha512Integrity(data: Uint8Array): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-512', data as Uint8Array<ArrayBuffer>)
  let s = ''
  const bytes = new Uint8Array(digest)
  for (let i = 0; i < bytes.length; i += 8192) s += String.fromCharCode(...bytes.subarray(i, i + 8192))
  return `sha512-${btoa(s)}`
}

/** Throws IntegrityError unless `data` matches one of the hashes in `integrity` (or `shasum`). */
export async function verifyIntegrity(data: Uint8Array, what: string, integrity?: string, shasum?: string): Promise<void> {
  if (integrity) {
    for (const item of integrity.trim().split(/\s+/)) {
      const dash = item.indexOf('-')
      const algo = item.slice(0, dash)
      const want = item.slice(dash + 1)
      const name = algo === 'sha512' ? 'SHA-512' : algo === 'sha384' ? 'SHA-384' : algo === 'sha256' ? 'SHA-256' : algo === 'sha1' ? 'SHA-1' : undefined
      if (!name) continue
      const got = b64(await crypto.subtle.digest(name, data as Uint8Array<ArrayBuffer>))
      if (got === want) return
      throw new IntegrityError(`${what}: integrity checksum failed when using ${algo}: wanted ${item} but got ${algo}-${got}`)
    }
  }
  if (shasum) {
    const got = hex(await crypto.subtle.digest('SHA-1', data as Uint8Array<ArrayBuffer>))
    if (got === shasum.toLowerCase()) return
    throw new IntegrityError(`${what}: shasum check failed: wanted ${shasum} but got ${got}`)
  }
}
