/**
 * Typed builder for the non-secret Nimbus vars of a deployment (spec 000: the session agent's
 * OAuth client, model and gateway; the legacy-public switch), so names and formats are not
 * typed by hand. Secrets (JWT_SECRET, cookie and API secrets) never go here.
 */
import { NimbusConfigError, type NimbusConfigIssue } from '../errors.js'

export interface NimbusVarsOptions {
  /** Cloudflare OAuth client ID for user-owned agent quota. */
  oauthClientId?: string
  /** Cloudflare OAuth scope IDs; written space-delimited. */
  oauthScopes?: string[]
  /** Callback override; default `<origin>/api/nimbus/oauth/callback`. */
  oauthRedirectUri?: string
  /** Owner-token fallback account ID (32 hex characters). */
  cloudflareAccountId?: string
  /** Workers AI model for the agent. */
  agentModel?: string
  /** AI Gateway name. */
  agentGatewayId?: string
  /** Single-tenant demo without tokens: sets NIMBUS_LEGACY_PUBLIC=1. */
  legacyPublic?: boolean
}

export function nimbusVars(opts: NimbusVarsOptions): Record<string, string> {
  const issues: NimbusConfigIssue[] = []
  const vars: Record<string, string> = {}
  if (opts.oauthClientId !== undefined) vars['NIMBUS_CF_OAUTH_CLIENT_ID'] = opts.oauthClientId
  if (opts.oauthScopes !== undefined) {
    opts.oauthScopes.forEach((s, i) => {
      if (!/^\S+$/.test(s)) issues.push({ path: `oauthScopes[${i}]`, message: 'scope IDs must be non-empty and contain no spaces' })
    })
    vars['NIMBUS_CF_OAUTH_SCOPES'] = opts.oauthScopes.join(' ')
  }
  if (opts.oauthRedirectUri !== undefined) {
    if (!/^https?:\/\/\S+$/.test(opts.oauthRedirectUri)) issues.push({ path: 'oauthRedirectUri', message: 'must be an http(s) URL' })
    vars['NIMBUS_CF_OAUTH_REDIRECT_URI'] = opts.oauthRedirectUri
  }
  if (opts.cloudflareAccountId !== undefined) {
    if (!/^[0-9a-f]{32}$/i.test(opts.cloudflareAccountId)) issues.push({ path: 'cloudflareAccountId', message: 'must be 32 hex characters' })
    vars['NIMBUS_CLOUDFLARE_ACCOUNT_ID'] = opts.cloudflareAccountId
  }
  if (opts.agentModel !== undefined) vars['NIMBUS_AGENT_MODEL'] = opts.agentModel
  if (opts.agentGatewayId !== undefined) vars['NIMBUS_AGENT_GATEWAY_ID'] = opts.agentGatewayId
  if (opts.legacyPublic) vars['NIMBUS_LEGACY_PUBLIC'] = '1'
  if (issues.length > 0) throw new NimbusConfigError('E_WRANGLER_OPTIONS_INVALID', issues, 'Invalid Nimbus vars')
  return vars
}
