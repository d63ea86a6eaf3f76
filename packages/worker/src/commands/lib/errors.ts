/** How commands turn failures into the one-line messages GNU tools print. */
import { VfsError } from '../../vfs/types.js'
import type { OutputStream } from '../types.js'

/** `No such file or directory` for a VfsError, else the error's message. */
export const describeError = (e: unknown): string =>
  e instanceof VfsError ? e.description : e instanceof Error ? e.message : String(e)

/** Writes `<cmd>: <message>\n` to stderr. */
export const complain = async (stderr: OutputStream, cmd: string, message: string): Promise<void> => {
  await stderr.write(`${cmd}: ${message}\n`)
}

/** True for an AbortSignal abort surfacing as an exception. */
export const isAbort = (e: unknown): boolean => e instanceof Error && (e.name === 'AbortError' || e.name === 'TimeoutError')

/** Exit status for a command stopped by its signal (like SIGINT: 128 + 2). */
export const ABORT_STATUS = 130

/**
 * GNU's `quote()` in a UTF-8 locale: ‘name’. Used where coreutils quote with locale
 * quotes (mkdir, touch dates, invalid numbers); names from `quoteaf` keep ASCII 'name'.
 */
export const q = (s: string): string => `\u2018${s}\u2019`
