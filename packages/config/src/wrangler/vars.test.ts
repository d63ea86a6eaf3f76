import { describe, expect, it } from 'vitest'
import { createWranglerConfig } from './generate.js'
import { nimbusVars } from './vars.js'

describe('nimbusVars', () => {
  it('maps typed options to the spec var names', () => {
    const vars = nimbusVars({
      oauthClientId: 'cid',
      oauthScopes: ['account:read', 'ai:write'],
      oauthRedirectUri: 'https://n.example.dev/api/nimbus/oauth/callback',
      cloudflareAccountId: '0123456789abcdef0123456789abcdef',
      agentModel: '@cf/moonshotai/kimi-k2.6',
      agentGatewayId: 'default',
      legacyPublic: true,
    })
    expect(vars).toEqual({
      NIMBUS_CF_OAUTH_CLIENT_ID: 'cid',
      NIMBUS_CF_OAUTH_SCOPES: 'account:read ai:write',
      NIMBUS_CF_OAUTH_REDIRECT_URI: 'https://n.example.dev/api/nimbus/oauth/callback',
      NIMBUS_CLOUDFLARE_ACCOUNT_ID: '0123456789abcdef0123456789abcdef',
      NIMBUS_AGENT_MODEL: '@cf/moonshotai/kimi-k2.6',
      NIMBUS_AGENT_GATEWAY_ID: 'default',
      NIMBUS_LEGACY_PUBLIC: '1',
    })
    expect(createWranglerConfig({ name: 'n', vars: nimbusVars({ agentModel: 'm' }) }).vars).toEqual({ NIMBUS_AGENT_MODEL: 'm' })
    expect(nimbusVars({})).toEqual({})
  })

  it('names the bad option', () => {
    expect(() => nimbusVars({ oauthScopes: ['a b'], cloudflareAccountId: 'x', oauthRedirectUri: 'nope' })).toThrow(
      /oauthScopes\[0\]: .*\n.*oauthRedirectUri: must be an http\(s\) URL\n.*cloudflareAccountId: must be 32 hex characters/,
    )
  })
})
