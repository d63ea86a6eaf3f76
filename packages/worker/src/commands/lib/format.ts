/** Formatting shared by ls, stat, du, df: mode strings, human sizes, dates. */
import type { FileType } from '../../vfs/types.js'

const TYPE_CHAR: Record<FileType, string> = { file: '-', dir: 'd', symlink: 'l' }

/** `drwxr-xr-x`, with s/S/t/T for setuid, setgid and sticky. */
export const modeString = (type: FileType, mode: number): string => {
  const rwx = (bits: number, special: boolean, ch: string) =>
    `${bits & 4 ? 'r' : '-'}${bits & 2 ? 'w' : '-'}${special ? (bits & 1 ? ch : ch.toUpperCase()) : bits & 1 ? 'x' : '-'}`
  return (
    TYPE_CHAR[type] +
    rwx((mode >> 6) & 7, (mode & 0o4000) !== 0, 's') +
    rwx((mode >> 3) & 7, (mode & 0o2000) !== 0, 's') +
    rwx(mode & 7, (mode & 0o1000) !== 0, 't')
  )
}

/** GNU `-h`: powers of 1024, one decimal below 10, always rounded up (`1.1K`, `15M`). */
export const humanSize = (n: number, opts: { si?: boolean } = {}): string => {
  const base = opts.si ? 1000 : 1024
  if (n < base) return String(n)
  const units = opts.si ? ['k', 'M', 'G', 'T', 'P', 'E'] : ['K', 'M', 'G', 'T', 'P', 'E']
  let v = n
  let u = -1
  do {
    v /= base
    u++
  } while (v >= base && u < units.length - 1)
  if (v < 10) {
    const r = Math.ceil(v * 10 - 1e-9) / 10
    if (r < 10) return `${r.toFixed(1)}${units[u]}`
    v = r
  }
  let r = Math.ceil(v - 1e-9)
  if (r >= base && u < units.length - 1) {
    u++
    return `1.0${units[u]}`
  }
  return `${r}${units[u]}`
}

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']
export const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const two = (n: number) => String(n).padStart(2, '0')

/** ls -l time: `Nov 24 23:30` within six months of now, else `Nov 24  2025`. */
export const lsDate = (ms: number, now: number): string => {
  const d = new Date(ms)
  const sixMonths = 15_778_476_000 // GNU uses 365.2425 / 2 days
  const head = `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2)}`
  if (now - ms > sixMonths || ms - now > 60_000 * 60) return `${head}  ${d.getUTCFullYear()}`
  return `${head} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`
}

/** `2024-01-02 03:04:05.000000000 +0000` as printed by stat. */
export const statDate = (ms: number): string => {
  const d = new Date(ms)
  const frac = String(Math.round((ms - Math.floor(ms / 1000) * 1000) * 1e6)).padStart(9, '0')
  return `${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())} ${two(d.getUTCHours())}:${two(d.getUTCMinutes())}:${two(d.getUTCSeconds())}.${frac} +0000`
}

/** 512-byte blocks a file of this size would occupy in 4 KiB allocation units. */
export const blocksOf = (type: FileType, size: number): number =>
  type === 'dir' ? 8 : type === 'symlink' ? 0 : Math.ceil(size / 4096) * 8

/** Display width of a string (wide East Asian characters count two). */
export const displayWidth = (s: string): number => {
  let w = 0
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0
    w += c >= 0x1100 && (c <= 0x115f || (c >= 0x2e80 && c <= 0xa4cf) || (c >= 0xac00 && c <= 0xd7a3) || (c >= 0xf900 && c <= 0xfaff) || (c >= 0xfe30 && c <= 0xfe4f) || (c >= 0xff00 && c <= 0xff60) || (c >= 0xffe0 && c <= 0xffe6) || (c >= 0x1f300 && c <= 0x1faff) || (c >= 0x20000 && c <= 0x3fffd)) ? 2 : 1
  }
  return w
}

/** Padding from column `from` to `to`, with tabs at every `tabsize` (0: spaces only), as GNU ls. */
const indent = (from: number, to: number, tabsize: number): string => {
  let s = ''
  while (from < to) {
    if (tabsize > 0 && Math.floor(to / tabsize) > Math.floor((from + 1) / tabsize)) {
      s += '\t'
      from += tabsize - (from % tabsize)
    } else {
      s += ' '
      from++
    }
  }
  return s
}

/** GNU-style column layout (down then across), at least two blanks between columns. */
export const columns = (items: string[], width: number, tabsize = 8, render?: (i: number) => string): string => {
  if (items.length === 0) return ''
  const widths = items.map(displayWidth)
  let best = 1
  for (let cols = items.length; cols >= 1; cols--) {
    const rows = Math.ceil(items.length / cols)
    if (Math.ceil(items.length / rows) !== cols && cols > 1) continue
    let total = 0
    for (let c = 0; c < cols; c++) {
      let w = 0
      for (let r = 0; r < rows; r++) w = Math.max(w, widths[c * rows + r] ?? 0)
      total += w + (c < cols - 1 ? 2 : 0)
    }
    if (total < width) {
      best = cols
      break
    }
  }
  const rows = Math.ceil(items.length / best)
  const colWidth: number[] = []
  for (let c = 0; c < best; c++) {
    let w = 0
    for (let r = 0; r < rows; r++) w = Math.max(w, widths[c * rows + r] ?? 0)
    colWidth.push(w)
  }
  let out = ''
  for (let r = 0; r < rows; r++) {
    let line = ''
    let pos = 0
    for (let c = 0; c < best; c++) {
      const i = c * rows + r
      if (i >= items.length) break
      line += render ? render(i) : items[i]
      const last = c === best - 1 || (c + 1) * rows + r >= items.length
      if (!last) {
        line += indent(pos + (widths[i] as number), pos + (colWidth[c] as number) + 2, tabsize)
        pos += (colWidth[c] as number) + 2
      }
    }
    out += `${line}\n`
  }
  return out
}
