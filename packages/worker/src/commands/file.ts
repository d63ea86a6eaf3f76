/** file: guess a file's type from its content (magic numbers, text encodings, scripts). */
import type { FileStat } from '../vfs/types.js'
import { defineCommand } from './define-command.js'
import { describeError } from './lib/errors.js'

interface Guess {
  desc: string
  mime: string
}

const be32 = (b: Uint8Array, at: number) => (((b[at] as number) << 24) | ((b[at + 1] as number) << 16) | ((b[at + 2] as number) << 8) | (b[at + 3] as number)) >>> 0
const le32 = (b: Uint8Array, at: number) => ((b[at] as number) | ((b[at + 1] as number) << 8) | ((b[at + 2] as number) << 16) | ((b[at + 3] as number) << 24)) >>> 0
const startsWith = (b: Uint8Array, sig: number[] | string, at = 0) => {
  const s = typeof sig === 'string' ? Array.from(sig, (c) => c.charCodeAt(0)) : sig
  return s.every((x, i) => b[at + i] === x)
}

const PNG_COLOR: Record<number, string> = { 0: 'grayscale', 2: 'RGB', 3: 'colormap', 4: 'gray+alpha', 6: 'RGBA' }

const magic = (b: Uint8Array): Guess | null => {
  if (startsWith(b, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) {
    if (b.length >= 29 && startsWith(b, 'IHDR', 12)) {
      const depth = b[24] as number
      const color = PNG_COLOR[b[25] as number] ?? 'unknown'
      return { desc: `PNG image data, ${be32(b, 16)} x ${be32(b, 20)}, ${depth}-bit${color === 'colormap' ? ' colormap' : `/color ${color}`}, ${b[28] ? 'interlaced' : 'non-interlaced'}`, mime: 'image/png' }
    }
    return { desc: 'PNG image data', mime: 'image/png' }
  }
  if (startsWith(b, [0xff, 0xd8, 0xff])) return { desc: 'JPEG image data', mime: 'image/jpeg' }
  if (startsWith(b, 'GIF87a') || startsWith(b, 'GIF89a')) return { desc: `GIF image data, version ${String.fromCharCode(...b.subarray(3, 6))}, ${(b[6] ?? 0) | ((b[7] ?? 0) << 8)} x ${(b[8] ?? 0) | ((b[9] ?? 0) << 8)}`, mime: 'image/gif' }
  if (startsWith(b, '%PDF-')) return { desc: `PDF document, version ${String.fromCharCode(...b.subarray(5, 8))}`, mime: 'application/pdf' }
  if (startsWith(b, [0x1f, 0x8b])) {
    let desc = 'gzip compressed data'
    const flags = b[3] ?? 0
    if (flags & 8) {
      let end = 10
      while (end < b.length && b[end] !== 0) end++
      desc += `, was "${new TextDecoder().decode(b.subarray(10, end))}"`
    }
    const mtime = le32(b, 4)
    if (mtime) desc += `, last modified: ${new Date(mtime * 1000).toUTCString().replace(/^(\w+), (\d+) (\w+) (\d+) ([\d:]+) GMT$/, (_m, d: string, day: string, mon: string, y: string, t: string) => `${d} ${mon} ${day.padStart(2)} ${t} ${y}`)}`
    if (b.length >= 18) desc += `, from Unix, original size modulo 2^32 ${le32(b, b.length - 4)}`
    return { desc, mime: 'application/gzip' }
  }
  if (startsWith(b, 'PK\x03\x04') && b.length > 4) return { desc: 'Zip archive data', mime: 'application/zip' }
  if (startsWith(b, 'BZh')) return { desc: 'bzip2 compressed data', mime: 'application/x-bzip2' }
  if (startsWith(b, [0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00])) return { desc: 'XZ compressed data', mime: 'application/x-xz' }
  if (startsWith(b, [0x7f, 0x45, 0x4c, 0x46])) return { desc: `ELF ${b[4] === 2 ? '64' : '32'}-bit ${b[5] === 1 ? 'LSB' : 'MSB'} executable`, mime: 'application/x-executable' }
  if (startsWith(b, [0x00, 0x61, 0x73, 0x6d])) return { desc: `WebAssembly (wasm) binary module version 0x${le32(b, 4).toString(16)} (MVP)`, mime: 'application/wasm' }
  if (b.length >= 262 && startsWith(b, 'ustar', 257)) return { desc: startsWith(b, 'ustar  ', 257) ? 'POSIX tar archive (GNU)' : 'POSIX tar archive', mime: 'application/x-tar' }
  if (startsWith(b, '\x7fSQLite format 3\x00') || startsWith(b, 'SQLite format 3\x00')) return { desc: 'SQLite 3.x database', mime: 'application/vnd.sqlite3' }
  return null
}

const SCRIPTS: Array<[RegExp, string]> = [
  [/^#!\s*\/(usr\/)?bin\/(env\s+)?bash\b/, 'Bourne-Again shell script'],
  [/^#!\s*\/(usr\/)?bin\/(env\s+)?sh\b/, 'POSIX shell script'],
  [/^#!\s*\/(usr\/)?bin\/(env\s+)?python[0-9.]*\b/, 'Python script'],
  [/^#!\s*\/(usr\/)?bin\/(env\s+)?perl\b/, 'Perl script text'],
  [/^#!\s*\/(usr\/)?bin\/(env\s+)?ruby\b/, 'Ruby script'],
]

export const guessType = (b: Uint8Array, executable: boolean): Guess => {
  if (b.length === 0) return { desc: 'empty', mime: 'inode/x-empty; charset=binary' }
  const m = magic(b)
  if (m) return { ...m, mime: `${m.mime}; charset=binary` }
  let text: string
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(b)
  } catch {
    return { desc: 'data', mime: 'application/octet-stream; charset=binary' }
  }
  if (/[\x00-\x08\x0e-\x1a\x1c-\x1f\x7f]/.test(text)) return { desc: 'data', mime: 'application/octet-stream; charset=binary' }
  const ascii = !/[^\x00-\x7f]/.test(text)
  const enc = ascii ? 'ASCII text' : 'Unicode text, UTF-8 text'
  const charset = ascii ? 'us-ascii' : 'utf-8'
  let suffix = ''
  if (text.includes('\r\n')) suffix += ', with CRLF line terminators'
  else if (!text.includes('\n')) suffix += ', with no line terminators'
  const node = /^#!\s*\/(usr\/)?bin\/(env\s+)?node\b/.test(text)
  if (node) return { desc: `Node.js script executable, ${enc}${suffix}`, mime: `application/javascript; charset=${charset}` }
  for (const [re, name] of SCRIPTS) {
    if (re.test(text)) return { desc: `${name}, ${enc}${executable ? ' executable' : ''}${suffix}`, mime: `text/x-shellscript; charset=${charset}` }
  }
  const trimmed = text.trim()
  if (/^[[{]/.test(trimmed)) {
    try {
      JSON.parse(trimmed)
      if (trimmed.startsWith('{') || trimmed.startsWith('[')) return { desc: 'JSON text data', mime: `application/json; charset=${charset}` }
    } catch {
      // not JSON
    }
  }
  if (/^\s*(<!DOCTYPE html|<html)/i.test(text)) return { desc: `HTML document, ${enc}${suffix}`, mime: `text/html; charset=${charset}` }
  if (/^\s*<\?xml/.test(text)) return { desc: `XML 1.0 document, ${enc}${suffix}`, mime: `text/xml; charset=${charset}` }
  return { desc: `${enc}${suffix}`, mime: `text/plain; charset=${charset}` }
}

export default defineCommand({
  name: 'file',
  usage: 'file [-bLi] FILE...',
  description: 'Determine the type of each FILE from its content.',
  flags: {
    b: { type: 'boolean', long: 'brief', description: 'do not prepend filenames to output lines' },
    i: { type: 'boolean', long: 'mime', description: 'output MIME type strings' },
    L: { type: 'boolean', long: 'dereference', description: 'follow symlinks' },
  },
  async run(ctx) {
    if (ctx.args.length === 0) {
      await ctx.stderr.write('Usage: file [-bchikLlNnprsSvzZ0] [--apple] [--extension] [--mime-encoding]\n            [--mime-type] [-e <testname>] [-F <separator>]  [-f <namefile>]\n            [-m <magicfiles>] [-P <parameter=value>] [--exclude-quiet]\n            <file> ...\n       file -C [-m <magicfiles>]\n       file [--help]\n')
      return 1
    }
    const width = Math.max(...ctx.args.map((a) => a.length)) + 1
    let out = ''
    for (const op of ctx.args) {
      const path = ctx.resolve(op)
      let g: Guess
      let st: FileStat | undefined
      try {
        st = ctx.flags.L ? ctx.fs.stat(path) : ctx.fs.lstat(path)
      } catch (e) {
        g = { desc: `cannot open \`${op}' (${describeError(e)})`, mime: 'cannot open' }
      }
      if (st) {
        if (st.type === 'dir') g = { desc: 'directory', mime: 'inode/directory; charset=binary' }
        else if (st.type === 'symlink') g = { desc: `symbolic link to ${ctx.fs.readlink(path)}`, mime: 'inode/symlink; charset=binary' }
        else g = guessType(ctx.fs.readFile(path), (st.mode & 0o111) !== 0)
      }
      const text = ctx.flags.i ? g!.mime : g!.desc
      out += ctx.flags.b ? `${text}\n` : `${`${op}:`.padEnd(width)} ${text}\n`
    }
    await ctx.stdout.write(out)
    return 0
  },
})
