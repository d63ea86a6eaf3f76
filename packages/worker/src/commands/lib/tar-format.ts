/** tar archives: ustar writer (long names via prefix or GNU long-name records) and a reader for ustar/GNU/pax. */
import { concatBytes } from './bytes.js'

export interface TarEntry {
  name: string
  type: 'file' | 'dir' | 'symlink' | 'hardlink'
  mode: number
  uid: number
  gid: number
  uname: string
  gname: string
  mtimeMs: number
  data: Uint8Array
  linkname: string
}

const enc = new TextEncoder()
const dec = new TextDecoder()

const octal = (n: number, width: number): string => `${Math.floor(n).toString(8).padStart(width - 1, '0')}\0`

const writeString = (buf: Uint8Array, at: number, len: number, s: string) => {
  const b = enc.encode(s)
  buf.set(b.subarray(0, len), at)
}

const header = (e: { name: string; type: TarEntry['type'] | 'longname'; mode: number; uid: number; gid: number; size: number; mtimeMs: number; linkname: string; uname: string; gname: string }, prefix = ''): Uint8Array => {
  const h = new Uint8Array(512)
  writeString(h, 0, 100, e.name)
  writeString(h, 100, 8, octal(e.mode & 0o7777, 8))
  writeString(h, 108, 8, octal(e.uid, 8))
  writeString(h, 116, 8, octal(e.gid, 8))
  writeString(h, 124, 12, octal(e.size, 12))
  writeString(h, 136, 12, octal(Math.floor(e.mtimeMs / 1000), 12))
  writeString(h, 148, 8, '        ')
  h[156] = (e.type === 'file' ? '0' : e.type === 'dir' ? '5' : e.type === 'symlink' ? '2' : e.type === 'hardlink' ? '1' : 'L').charCodeAt(0)
  writeString(h, 157, 100, e.linkname)
  writeString(h, 257, 8, 'ustar  \0')
  writeString(h, 265, 32, e.uname)
  writeString(h, 297, 32, e.gname)
  if (prefix) writeString(h, 345, 155, prefix)
  let sum = 0
  for (const b of h) sum += b
  writeString(h, 148, 8, `${sum.toString(8).padStart(6, '0')}\0 `)
  return h
}

const pad512 = (n: number) => (512 - (n % 512)) % 512

/** Serialises entries in GNU tar's default format (long names as ././@LongLink records). */
export const writeTar = (entries: TarEntry[]): Uint8Array => {
  const parts: Uint8Array[] = []
  for (const e of entries) {
    const nameBytes = enc.encode(e.name)
    if (nameBytes.length > 100) {
      parts.push(header({ name: '././@LongLink', type: 'longname', mode: 0o644, uid: 0, gid: 0, size: nameBytes.length + 1, mtimeMs: 0, linkname: '', uname: 'root', gname: 'root' }))
      const body = new Uint8Array(nameBytes.length + 1 + pad512(nameBytes.length + 1))
      body.set(nameBytes)
      parts.push(body)
    }
    const size = e.type === 'file' ? e.data.length : 0
    parts.push(header({ ...e, name: dec.decode(nameBytes.subarray(0, 100)), size }))
    if (size > 0) {
      parts.push(e.data)
      parts.push(new Uint8Array(pad512(size)))
    }
  }
  parts.push(new Uint8Array(1024))
  const total = parts.reduce((n, p) => n + p.length, 0)
  // GNU tar pads archives to a multiple of its 10 KiB record size.
  const out = concatBytes(parts, Math.ceil(total / 10240) * 10240)
  return out
}

export class TarFormatError extends Error {}

const readString = (b: Uint8Array, at: number, len: number): string => {
  const s = b.subarray(at, at + len)
  const z = s.indexOf(0)
  return dec.decode(z === -1 ? s : s.subarray(0, z))
}
const readOctal = (b: Uint8Array, at: number, len: number): number => {
  const s = readString(b, at, len).trim()
  return s === '' ? 0 : parseInt(s, 8)
}

export const readTar = (b: Uint8Array): TarEntry[] => {
  if (b.length > 0 && b.length < 512) throw new TarFormatError('This does not look like a tar archive')
  const out: TarEntry[] = []
  let at = 0
  let longName: string | undefined
  let longLink: string | undefined
  let pax: Record<string, string> = {}
  while (at + 512 <= b.length) {
    const h = b.subarray(at, at + 512)
    if (h.every((x) => x === 0)) break
    let sum = 0
    for (let i = 0; i < 512; i++) sum += i >= 148 && i < 156 ? 32 : (h[i] as number)
    if (sum !== readOctal(h, 148, 8)) throw new TarFormatError('This does not look like a tar archive')
    const size = readOctal(h, 124, 12)
    const flag = String.fromCharCode(h[156] as number)
    const data = b.subarray(at + 512, at + 512 + size)
    at += 512 + size + pad512(size)
    if (flag === 'L') {
      longName = readString(data, 0, data.length)
      continue
    }
    if (flag === 'K') {
      longLink = readString(data, 0, data.length)
      continue
    }
    if (flag === 'x' || flag === 'g') {
      const text = dec.decode(data)
      let i = 0
      while (i < text.length) {
        const sp = text.indexOf(' ', i)
        const len = Number(text.slice(i, sp))
        const rec = text.slice(sp + 1, i + len - 1)
        const eq = rec.indexOf('=')
        if (flag === 'x') pax[rec.slice(0, eq)] = rec.slice(eq + 1)
        i += len
      }
      continue
    }
    const magic = readString(h, 257, 6)
    const prefix = magic.startsWith('ustar') && h[345] !== 0 && readString(h, 257, 8) !== 'ustar  ' ? readString(h, 345, 155) : ''
    const baseName = readString(h, 0, 100)
    const name = pax['path'] ?? longName ?? (prefix ? `${prefix}/${baseName}` : baseName)
    const type: TarEntry['type'] = flag === '5' ? 'dir' : flag === '2' ? 'symlink' : flag === '1' ? 'hardlink' : 'file'
    out.push({
      name,
      type,
      mode: readOctal(h, 100, 8),
      uid: readOctal(h, 108, 8),
      gid: readOctal(h, 116, 8),
      uname: readString(h, 265, 32),
      gname: readString(h, 297, 32),
      mtimeMs: (pax['mtime'] ? Number(pax['mtime']) : readOctal(h, 136, 12)) * 1000,
      data: type === 'file' ? data.slice() : new Uint8Array(0),
      linkname: pax['linkpath'] ?? longLink ?? readString(h, 157, 100),
    })
    longName = undefined
    longLink = undefined
    pax = {}
  }
  return out
}
