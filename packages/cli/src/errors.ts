/**
 * `CliError` is a user-facing failure: a message a person can act on, a stable code for
 * `--json` output, and the process exit code. Anything else thrown is an internal fault.
 */
import { EXIT, type ExitCode } from './exit-codes.js'

export type CliErrorCode =
  | 'E_USAGE'
  | 'E_UNKNOWN_COMMAND'
  | 'E_DIR_NOT_EMPTY'
  | 'E_INVALID_NAME'
  | 'E_MISSING_CREDENTIALS'
  | 'E_MISSING_SECRET'
  | 'E_WRANGLER_CONFIG'
  | 'E_CF_API'
  | 'E_CF_AUTH'
  | 'E_CF_NETWORK'
  | 'E_R2_NOT_ENABLED'
  | 'E_R2_BUCKET_MISSING'
  | 'E_CANCELLED'
  | 'E_SOURCE_DIR'
  | 'E_FILESYSTEM'
  | 'E_SDK_UNAVAILABLE'
  | 'E_TOKEN_INVALID'
  | (string & {})

export class CliError extends Error {
  override readonly name = 'CliError'
  constructor(
    readonly code: CliErrorCode,
    message: string,
    readonly exitCode: ExitCode = EXIT.FAILURE,
    /** A follow-up line: what to do next. */
    readonly hint?: string,
  ) {
    super(message)
  }
}

export const usageError = (message: string, hint?: string): CliError => new CliError('E_USAGE', message, EXIT.USAGE, hint)
