/** API token verification: user tokens first, then account-owned tokens. */
import type { CloudflareApi } from './api.js'
import { CloudflareApiError } from './errors.js'

export interface TokenStatus {
  id: string
  status: string
}

export async function verifyToken(api: CloudflareApi, accountId: string): Promise<TokenStatus> {
  try {
    return (await api.request<TokenStatus>('GET', '/user/tokens/verify')).result
  } catch (err) {
    // Account-owned tokens are only known to the account endpoint.
    if (!(err instanceof CloudflareApiError)) throw err
    try {
      return (await api.request<TokenStatus>('GET', `/accounts/${encodeURIComponent(accountId)}/tokens/verify`)).result
    } catch {
      throw err
    }
  }
}
