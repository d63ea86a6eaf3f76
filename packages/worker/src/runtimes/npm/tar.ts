/**
 * Reads npm tarballs: gunzip (DecompressionStream) and the ustar format with the pax and
 * GNU long-name extensions npm packs use. Entries are returned relative to the package
 * root (the leading `package/` folder dropped); any entry whose path would leave the
 * package folder is refused, not skipped.
 */

export class TarError extends Error {
  override readonly name = 'TarError'
  constructor(
    readonly code: 'E_TAR_TRAVERSAL' | 'E_TAR_CORRUPT',
    message: string,
  ) {
    super(message)
  }
}

export interface TarEntry {
  path: string
  type: 'file' | 'dir' | 'symlink'
  mode: number
  data?: Uint8Array
  target?: string
}

export async function gunzip(bytes: Uint8Array): Promise<Uint8Array> {
  const stream = new Blob([bytes as Uint8Array<ArrayBuffer>]).stream().pipeThrough(new DecompressionStream('gzip'))
  return new Uint8Array(await new Response(stream).arrayBuffer())
}

const dec = new TextDecoder()
const str = (b: Uint8Array, from: number, len: number) => {
  const s = b.subarray(from, from + len)
  const nul = s.indexOf(0)
  return dec.decode(nul === -1 ? s : s.subarray(0, nul))
}
const octal = (b: Uint8Array, from: number, len: number) => parseInt(str(b, from, len).trim() || '0', 8)

function parsePax(data: Uint8Array): Record<string, string> {
  const out: Record<string, string> = {}
  let text = dec.decode(data)
  while (text.length) {
    const sp = text.indexOf(' ')
    const len = Number(text.slice(0, sp))
    if (!Number.isFinite(len) || len <= 0) break
    const rec = text.slice(sp + 1, len - 1)
    const eq = rec.indexOf('=')
    out[rec.slice(0, eq)] = rec.slice(eq + 1)
    text = text.slice(len)
  }
  return out
}

/** The path below the package root, or throws when it escapes it. */
export function safeEntryPath(raw: string): string {
  const parts = raw.replace(/\\/g, '/').split('/').filter((p) => p !== '' && p !== '.')
  // npm packs everything under one top folder (usually `package/`).
  const rest = parts.slice(1)
  if (raw.startsWith('/') || rest.some((p) => p === '..')) throw new TarError('E_TAR_TRAVERSAL', `refusing tarball entry outside the package folder: ${raw}`)
  return rest.join('/')
}

export function untar(tar: Uint8Array): TarEntry[] {
  const entries: TarEntry[] = []
  let off = 0
  let longName: string | undefined
  let pax: Record<string, string> = {}
  while (off + 512 <= tar.length) {
    const h = tar.subarray(off, off + 512)
    if (h.every((b) => b === 0)) break
    const size = octal(h, 124, 12)
    const type = String.fromCharCode(h[156] ?? 48)
    const magic = str(h, 257, 6)
    const prefix = magic.startsWith('ustar') ? str(h, 345, 155) : ''
    let name = longName ?? pax.path ?? (prefix ? `${prefix}/${str(h, 0, 100)}` : str(h, 0, 100))
    const linkName = pax.linkpath ?? str(h, 157, 100)
    const dataStart = off + 512
    if (dataStart + size > tar.length) throw new TarError('E_TAR_CORRUPT', `tarball is truncated at ${name}`)
    const data = tar.slice(dataStart, dataStart + size)
    off = dataStart + Math.ceil(size / 512) * 512
    if (type === 'L') {
      longName = str(data, 0, data.length)
      continue
    }
    if (type === 'x') {
      pax = parsePax(data)
      continue
    }
    if (type === 'g') continue
    longName = undefined
    pax = {}
    name = name.replace(/\/+$/, '')
    const path = safeEntryPath(name)
    if (path === '') continue
    const mode = octal(h, 100, 8) & 0o777
    if (type === '0' || type === '\0' || type === '7') entries.push({ path, type: 'file', mode, data })
    else if (type === '5') entries.push({ path, type: 'dir', mode })
    else if (type === '2') {
      const target = linkName
      const resolved = [...path.split('/').slice(0, -1), ...target.split('/')]
      let depth = 0
      for (const p of resolved) depth += p === '..' ? -1 : p === '.' || p === '' ? 0 : 1
      if (target.startsWith('/') || depth < 0) throw new TarError('E_TAR_TRAVERSAL', `refusing symlink that points outside the package folder: ${path} -> ${target}`)
      entries.push({ path, type: 'symlink', mode, target })
    }
    // Hard links, devices and FIFOs have no place in an npm package; they are skipped.
  }
  return entries
}
