/**
 * `@nimbus-sh/worker/auth`: Nimbus tokens (issue, verify), the auth error tree and its
 * HTTP rendering, and session attach URLs. Re-exported by `@nimbus-sh/sdk/token`,
 * `@nimbus-sh/sdk/errors` and `@nimbus-sh/sdk/session`.
 */
export {
  CLOCK_SKEW_MS,
  CLOCK_SKEW_SECONDS,
  DEFAULT_TOKEN_TTL_MS,
  ID_COMPONENT_RE,
  MAX_SCOPES,
  MAX_TOKEN_TTL_MS,
  NIMBUS_SCOPES,
  NIMBUS_TOKEN_SCOPE,
  SCOPE_NAME_RE,
  type NimbusKnownScope,
  type NimbusTokenClaims,
  type NimbusTokenInput,
} from './claims.js'
export {
  NimbusAuthConfigError,
  NimbusAuthError,
  NimbusScopeError,
  NimbusSessionPinError,
  NimbusTokenClaimsError,
  NimbusTokenExpiredError,
  NimbusTokenMalformedError,
  NimbusTokenSignatureError,
  NimbusTokenTtlError,
  isNimbusAuthError,
  type NimbusAuthCode,
} from './errors.js'
export { authErrorJson, authErrorResponse, type NimbusAuthErrorBody, type NimbusAuthErrorJson } from './http.js'
export { type NimbusAuthEnv } from './secret.js'
export { TOKEN_QUERY_PARAM, mintAndAttach, sessionAttachUrl, type MintAndAttachOptions } from './session-url.js'
export {
  MAX_TOKEN_LENGTH,
  doInstanceNameOf,
  issueNimbusToken,
  verifyNimbusToken,
  type IssueNimbusTokenOptions,
  type VerifiedNimbusToken,
  type VerifyNimbusTokenOptions,
} from './token.js'
