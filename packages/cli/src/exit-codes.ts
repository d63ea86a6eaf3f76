/** Exit codes shared by every command; scripts can branch on them, so they never change meaning. */
export const EXIT = {
  OK: 0,
  /** The operation failed: an API refused a request, an upload failed, the user declined. */
  FAILURE: 1,
  /** Bad command line: unknown command or flag, missing or malformed argument. */
  USAGE: 2,
  /** Missing or invalid local input: credentials, JWT secret, wrangler.jsonc, non-empty target directory. */
  LOCAL: 3,
  /** A server could not be reached (connection refused or reset, DNS, timeout). */
  NETWORK: 4,
  /** Credentials or a token were rejected. */
  AUTH: 5,
  /** Cloudflare R2 is not enabled for the account (Cloudflare error 10042). */
  R2_DISABLED: 6,
} as const

export type ExitCode = (typeof EXIT)[keyof typeof EXIT]

export const EXIT_CODE_DOCS: ReadonlyArray<readonly [ExitCode, string]> = [
  [EXIT.OK, 'success'],
  [EXIT.FAILURE, 'the operation failed (API error, upload error, cancelled)'],
  [EXIT.USAGE, 'bad command line (unknown command or flag, missing or malformed argument)'],
  [EXIT.LOCAL, 'missing or invalid local input (credentials, JWT secret, wrangler.jsonc, non-empty or unwritable directory)'],
  [EXIT.NETWORK, 'a server could not be reached'],
  [EXIT.AUTH, 'credentials or token rejected'],
  [EXIT.R2_DISABLED, 'Cloudflare R2 is not enabled for the account (error 10042)'],
]
