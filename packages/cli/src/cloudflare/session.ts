/**
 * What `setup cloudflare` and `runtime sync` share: reading credentials (flags, env, then a
 * prompt when someone is at the terminal), and wording API failures as steps a person can take.
 */
import type { CliContext } from '../define.js'
import { CliError } from '../errors.js'
import { EXIT } from '../exit-codes.js'
import { CloudflareApi } from './api.js'
import { CF, CloudflareApiError, CloudflareNetworkError } from './errors.js'
import { verifyToken } from './token.js'

const ACCOUNT_ID_RE = /^[0-9a-f]{32}$/i
export const TOKEN_HELP =
  'Create an API token with the "Workers R2 Storage: Edit" permission for the account\n' +
  '(Cloudflare Dashboard → My Profile → API Tokens), then set CLOUDFLARE_API_TOKEN and rerun.'
export const R2_DISABLED_HELP = 'Enable R2 in the Cloudflare Dashboard once for the account, then rerun the setup command.'

export interface CloudflareSession {
  api: CloudflareApi
  accountId: string
}

export async function openCloudflare(ctx: CliContext, accountFlag: string | undefined, rerun: string): Promise<CloudflareSession> {
  let token = ctx.env['CLOUDFLARE_API_TOKEN']?.trim() || undefined
  let accountId = accountFlag?.trim() || ctx.env['CLOUDFLARE_ACCOUNT_ID']?.trim() || undefined
  if (token === undefined && ctx.prompt.interactive) token = (await ctx.prompt.askSecret('Cloudflare API token: ')) || undefined
  if (token === undefined) {
    throw new CliError('E_MISSING_CREDENTIALS', 'CLOUDFLARE_API_TOKEN is not set', EXIT.LOCAL, TOKEN_HELP)
  }
  if (accountId === undefined && ctx.prompt.interactive) accountId = (await ctx.prompt.ask('Cloudflare account ID: ')) || undefined
  if (accountId === undefined) {
    throw new CliError(
      'E_MISSING_CREDENTIALS',
      'no Cloudflare account ID',
      EXIT.LOCAL,
      `Set CLOUDFLARE_ACCOUNT_ID or pass --account-id (the 32-character ID on the dashboard's Workers & Pages overview), e.g.\n  CLOUDFLARE_ACCOUNT_ID=<account-id> ${rerun}`,
    )
  }
  if (!ACCOUNT_ID_RE.test(accountId)) {
    throw new CliError('E_USAGE', `"${accountId}" is not a Cloudflare account ID (32 hex characters)`, EXIT.USAGE, 'Copy it from the Cloudflare Dashboard (Workers & Pages → Account details).')
  }
  const api = new CloudflareApi({ token, baseUrl: ctx.env['CLOUDFLARE_API_BASE_URL'] || undefined, fetch: ctx.fetch })
  try {
    const status = await verifyToken(api, accountId)
    if (status.status !== 'active') {
      throw new CliError('E_CF_AUTH', `the Cloudflare API token is ${status.status}, not active`, EXIT.AUTH, TOKEN_HELP)
    }
  } catch (err) {
    if (err instanceof CloudflareApiError) {
      throw new CliError('E_CF_AUTH', `Cloudflare rejected the API token: ${err.message}`, EXIT.AUTH, TOKEN_HELP)
    }
    throw cloudflareFailure(err, accountId, rerun)
  }
  return { api, accountId }
}

/** Maps an error from an API call to a `CliError` with the next step; other errors pass through. */
export function cloudflareFailure(err: unknown, accountId: string, rerun: string): unknown {
  if (err instanceof CloudflareNetworkError) {
    return new CliError(
      'E_CF_NETWORK',
      err.message,
      EXIT.NETWORK,
      `Check your network connection${err.baseUrl.includes('api.cloudflare.com') ? '' : ' and CLOUDFLARE_API_BASE_URL'}, then rerun: ${rerun}`,
    )
  }
  if (!(err instanceof CloudflareApiError)) return err
  if (err.has(CF.R2_NOT_ENABLED)) {
    return new CliError('E_R2_NOT_ENABLED', `Cloudflare R2 error 10042: R2 is not enabled for account ${accountId}`, EXIT.R2_DISABLED, R2_DISABLED_HELP)
  }
  if (err.has(CF.AUTH_ERROR) || err.has(CF.INVALID_TOKEN) || err.status === 401 || err.status === 403) {
    return new CliError('E_CF_AUTH', `Cloudflare refused access to account ${accountId}: ${err.message}`, EXIT.AUTH, TOKEN_HELP)
  }
  if (err.has(CF.NO_SUCH_BUCKET)) {
    return new CliError('E_R2_BUCKET_MISSING', err.message, EXIT.FAILURE, 'Create the buckets first: nimbus setup cloudflare')
  }
  return new CliError('E_CF_API', `Cloudflare API error: ${err.message}`, EXIT.FAILURE, `Nothing else was changed; fix the cause and rerun: ${rerun}`)
}
