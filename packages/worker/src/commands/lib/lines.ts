/** Line splitting that remembers whether the text ended with a newline. */
import type { OutputStream } from '../types.js'
import { q } from './errors.js'

export interface SplitLines {
  lines: string[]
  /** False when the last line had no terminating newline. */
  trailingNewline: boolean
}

/** `a\nb\n` → ['a','b'] with trailingNewline; '' → no lines. */
export const splitLines = (text: string, sep = '\n'): SplitLines => {
  if (text === '') return { lines: [], trailingNewline: true }
  const lines = text.split(sep)
  const trailingNewline = text.endsWith(sep)
  if (trailingNewline) lines.pop()
  return { lines, trailingNewline }
}

/** Joins lines back, each terminated by `sep` (GNU tools add the missing final newline). */
export const joinLines = (lines: readonly string[], sep = '\n'): string => (lines.length === 0 ? '' : lines.join(sep) + sep)

const SUFFIX: Record<string, number> = {
  b: 512,
  kB: 1000,
  K: 1024,
  k: 1024,
  KiB: 1024,
  MB: 1e6,
  M: 1024 ** 2,
  MiB: 1024 ** 2,
  GB: 1e9,
  G: 1024 ** 3,
  GiB: 1024 ** 3,
}

/** A count like `10`, `+5`, `-3`, `2K`; null when malformed. */
export const parseCount = (s: string): { n: number; sign: '' | '+' | '-' } | null => {
  const m = /^([+-]?)(\d+)([a-zA-Z]*)$/.exec(s.trim())
  if (!m) return null
  const mult = m[3] ? SUFFIX[m[3]] : 1
  if (mult === undefined) return null
  return { n: Number(m[2]) * mult, sign: (m[1] ?? '') as '' | '+' | '-' }
}

export interface LineOrByteCount {
  /** `-c` was given after any `-n`: count bytes, not lines. */
  bytesMode: boolean
  count: { n: number; sign: '' | '+' | '-' }
}

/**
 * head's and tail's `-n N` / `-c N` (the later one wins, default 10 lines); on a malformed
 * count writes coreutils' message and answers null (exit status 1).
 */
export async function lineOrByteCount(
  name: string,
  flags: { order: readonly string[]; c: string | undefined; n: string | undefined },
  stderr: OutputStream,
): Promise<LineOrByteCount | null> {
  const bytesMode = flags.order.lastIndexOf('c') > flags.order.lastIndexOf('n')
  const raw = bytesMode ? (flags.c as string) : (flags.n ?? '10')
  const count = parseCount(raw)
  if (count === null) {
    await stderr.write(`${name}: invalid number of ${bytesMode ? 'bytes' : 'lines'}: ${q(raw)}\n`)
    return null
  }
  return { bytesMode, count }
}
