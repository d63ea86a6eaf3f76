/**
 * `@nimbus-sh/sdk/token`: mint and verify Nimbus tokens (HS256 JWTs). The implementation
 * lives in `@nimbus-sh/worker/auth`, so a Worker and the code that mints its tokens share
 * one set of rules and one error tree.
 */
export {
  CLOCK_SKEW_MS,
  CLOCK_SKEW_SECONDS,
  DEFAULT_TOKEN_TTL_MS,
  ID_COMPONENT_RE,
  MAX_SCOPES,
  MAX_TOKEN_LENGTH,
  MAX_TOKEN_TTL_MS,
  NIMBUS_SCOPES,
  NIMBUS_TOKEN_SCOPE,
  SCOPE_NAME_RE,
  doInstanceNameOf,
  issueNimbusToken,
  verifyNimbusToken,
  type IssueNimbusTokenOptions,
  type NimbusAuthEnv,
  type NimbusKnownScope,
  type NimbusTokenClaims,
  type NimbusTokenInput,
  type VerifiedNimbusToken,
  type VerifyNimbusTokenOptions,
} from '@nimbus-sh/worker/auth'
