/** Reading command operands: files through the VFS, `-` (or no operand) as stdin. */
import { VfsError } from '../../vfs/types.js'
import type { CommandContext } from '../types.js'
import { describeError } from './errors.js'

/** Largest slice read from the VFS at once, so huge files stream with back-pressure. */
export const READ_CHUNK = 64 * 1024

/** How a command words a failure to read an operand (after `<cmd>: `). */
export type ReadErrorStyle = (operand: string, reason: string) => string

/** `cat: f: No such file or directory` */
export const plainReadError: ReadErrorStyle = (op, reason) => `${op}: ${reason}`
/** `head: cannot open 'f' for reading: No such file or directory` */
export const openReadError: ReadErrorStyle = (op, reason) => `cannot open '${op}' for reading: ${reason}`

/**
 * The whole content of `operand` (stdin for `-`), or null after printing
 * `<cmd>: <operand>: <reason>` (or the given style) to stderr.
 */
export const readOperand = async (
  ctx: CommandContext,
  operand: string,
  cmd = ctx.name,
  style: ReadErrorStyle = plainReadError,
): Promise<Uint8Array | null> => {
  if (operand === '-') return ctx.stdin.readAll()
  try {
    const path = ctx.resolve(operand)
    if (ctx.fs.stat(path).type === 'dir') throw new VfsError('EISDIR', path)
    return ctx.fs.readFile(path)
  } catch (e) {
    await ctx.stderr.write(`${cmd}: ${style(operand, describeError(e))}\n`)
    return null
  }
}

/** Text of `operand`, or null after reporting the error. */
export const readOperandText = async (
  ctx: CommandContext,
  operand: string,
  cmd = ctx.name,
  style: ReadErrorStyle = plainReadError,
): Promise<string | null> => {
  const b = await readOperand(ctx, operand, cmd, style)
  return b === null ? null : new TextDecoder().decode(b)
}

/** Null when `operand` can be read, else the reason (for printing headers only after a successful open). */
export const cannotRead = (ctx: CommandContext, operand: string): string | null => {
  if (operand === '-') return null
  try {
    ctx.fs.stat(ctx.resolve(operand))
    return null
  } catch (e) {
    return describeError(e)
  }
}

/**
 * Streams `operand` chunk by chunk (stdin, or the file in READ_CHUNK slices) into `fn`.
 * Returns false after reporting an error.
 */
export const streamOperand = async (
  ctx: CommandContext,
  operand: string,
  fn: (chunk: Uint8Array) => Promise<void>,
  cmd = ctx.name,
): Promise<boolean> => {
  if (operand === '-') {
    for (let c = await ctx.stdin.read(); c !== null; c = await ctx.stdin.read()) {
      if (ctx.signal.aborted) return true
      await fn(c)
    }
    return true
  }
  let path: string
  let size: number
  try {
    path = ctx.resolve(operand)
    const st = ctx.fs.stat(path)
    if (st.type === 'dir') throw new VfsError('EISDIR', path)
    size = st.size
  } catch (e) {
    await ctx.stderr.write(`${cmd}: ${operand}: ${describeError(e)}\n`)
    return false
  }
  for (let offset = 0; offset < size; offset += READ_CHUNK) {
    if (ctx.signal.aborted) return true
    await fn(ctx.fs.readFile(path, { offset, length: Math.min(READ_CHUNK, size - offset) }))
  }
  return true
}

/** Operands, or `['-']` when there are none (read stdin). */
export const operandsOrStdin = (args: string[]): string[] => (args.length === 0 ? ['-'] : args)

/** Bytes as a binary string (one char per byte) and back: line work that must not corrupt. */
export const bytesToBinary = (b: Uint8Array): string => {
  let s = ''
  for (let i = 0; i < b.length; i += 8192) s += String.fromCharCode(...b.subarray(i, i + 8192))
  return s
}
export const binaryToBytes = (s: string): Uint8Array => {
  const b = new Uint8Array(s.length)
  for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i)
  return b
}
