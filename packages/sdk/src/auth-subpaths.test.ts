/**
 * Pins what `@nimbus-sh/sdk/token`, `/errors` and `/session` export, and checks they are
 * the Worker's own implementation (one class identity, so `instanceof` works across both).
 */
import * as workerAuth from '@nimbus-sh/worker/auth'
import { describe, expect, it } from 'vitest'
import * as errors from './errors.js'
import * as session from './session.js'
import * as token from './token.js'

const SECRET = '00112233445566778899aabbccddeeff'

describe('auth subpaths', () => {
  it('export exactly the documented names', () => {
    expect(Object.keys(token).sort()).toEqual([
      'CLOCK_SKEW_MS',
      'CLOCK_SKEW_SECONDS',
      'DEFAULT_TOKEN_TTL_MS',
      'ID_COMPONENT_RE',
      'MAX_SCOPES',
      'MAX_TOKEN_LENGTH',
      'MAX_TOKEN_TTL_MS',
      'NIMBUS_SCOPES',
      'NIMBUS_TOKEN_SCOPE',
      'SCOPE_NAME_RE',
      'doInstanceNameOf',
      'issueNimbusToken',
      'verifyNimbusToken',
    ])
    expect(Object.keys(errors).sort()).toEqual([
      'NimbusAuthConfigError',
      'NimbusAuthError',
      'NimbusScopeError',
      'NimbusSessionPinError',
      'NimbusTokenClaimsError',
      'NimbusTokenExpiredError',
      'NimbusTokenMalformedError',
      'NimbusTokenSignatureError',
      'NimbusTokenTtlError',
      'authErrorJson',
      'authErrorResponse',
      'isNimbusAuthError',
    ])
    expect(Object.keys(session).sort()).toEqual(['TOKEN_QUERY_PARAM', 'mintAndAttach', 'sessionAttachUrl'])
  })

  it('share the worker implementation', () => {
    expect(errors.NimbusAuthError).toBe(workerAuth.NimbusAuthError)
    expect(token.verifyNimbusToken).toBe(workerAuth.verifyNimbusToken)
  })

  it('mint, attach and verify through the SDK entry points', async () => {
    const env = { JWT_SECRET: SECRET }
    const { token: t, url } = await session.mintAndAttach(env, { tn: 'acme', sub: 'alice' }, { endpoint: 'https://n.example', sessionId: 's1' })
    expect(url).toBe(`https://n.example/s/s1/?nimbus_token=${t}`)
    const { doInstanceName, claims } = await token.verifyNimbusToken(env, t, { sessionId: 's1' })
    expect(doInstanceName).toBe('acme:alice')
    expect(claims.sid).toBe('s1')
    const err = await token.verifyNimbusToken(env, t, { sessionId: 's2' }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(errors.NimbusSessionPinError)
    expect(errors.authErrorJson(err as errors.NimbusAuthError)).toEqual({
      status: 403,
      body: { ok: false, error: (err as Error).message, code: 'E_SESSION_PIN_MISMATCH' },
    })
  })
})
