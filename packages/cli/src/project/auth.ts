/**
 * Loads the token library lazily (only the token and session commands need it) and turns its
 * typed errors into CLI errors with exit codes.
 */
import { CliError } from '../errors.js'
import { EXIT, type ExitCode } from '../exit-codes.js'
import type { SecretEnv } from './dev-vars.js'

export async function loadTokenLibrary(): Promise<typeof import('@nimbus-sh/sdk/token')> {
  try {
    return await import('@nimbus-sh/sdk/token')
  } catch (err) {
    throw new CliError('E_SDK_UNAVAILABLE', `cannot load @nimbus-sh/sdk/token: ${err instanceof Error ? err.message : String(err)}`, EXIT.FAILURE, 'Install the CLI with its dependencies (npm install @nimbus-sh/cli), or build the workspace (npm run build).')
  }
}

export async function loadSessionLibrary(): Promise<typeof import('@nimbus-sh/sdk/session')> {
  try {
    return await import('@nimbus-sh/sdk/session')
  } catch (err) {
    throw new CliError('E_SDK_UNAVAILABLE', `cannot load @nimbus-sh/sdk/session: ${err instanceof Error ? err.message : String(err)}`, EXIT.FAILURE, 'Install the CLI with its dependencies (npm install @nimbus-sh/cli), or build the workspace (npm run build).')
  }
}

const SECRET_HINT = 'Set JWT_SECRET (32+ hex characters, e.g. from `openssl rand -hex 32`) or run in a project whose .dev.vars has it (`nimbus init` writes one).'

/** Auth error codes that mean the caller's input was wrong rather than the token. */
const USAGE_CODES = new Set(['E_TOKEN_TTL_TOO_LARGE'])

/** Maps a `NimbusAuthError` (duck-typed by `code` and `httpStatus`) to a `CliError`; other errors pass through. */
export function authFailure(err: unknown, secret: SecretEnv, during: 'mint' | 'verify'): unknown {
  if (!(err instanceof Error) || !('code' in err) || typeof err.code !== 'string' || !('httpStatus' in err)) return err
  const code = err.code
  if (code === 'E_AUTH_CONFIG_MISSING') {
    const where = secret.source === 'none' ? 'no JWT_SECRET in the environment or ./.dev.vars' : `JWT_SECRET from ${secret.source} is not usable`
    return new CliError(code, `${where}: ${err.message}`, EXIT.LOCAL, SECRET_HINT)
  }
  let exit: ExitCode = during === 'verify' ? EXIT.AUTH : EXIT.USAGE
  if (USAGE_CODES.has(code)) exit = EXIT.USAGE
  const hint =
    code === 'E_TOKEN_CLAIMS' && during === 'mint'
      ? 'Tenant, subject and session ids use 1-128 of letters, digits, ".", "_" and "-"; scopes look like session:attach.'
      : code === 'E_TOKEN_SIGNATURE'
        ? `The token was not signed with this JWT_SECRET (read from ${secret.source}).`
        : code === 'E_TOKEN_EXPIRED'
          ? 'Mint a new token: nimbus token mint --tenant <tenant>'
          : undefined
  return new CliError(code, err.message, exit, hint)
}
