/**
 * `@nimbus-sh/sdk/errors`: the `NimbusAuthError` tree. Each class has a stable `code` and
 * `httpStatus`; `authErrorJson` / `authErrorResponse` render any of them as
 * `{ ok: false, error, code }` with that status. The same classes the Worker throws, so
 * `instanceof` works across both packages.
 */
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
  authErrorJson,
  authErrorResponse,
  isNimbusAuthError,
  type NimbusAuthCode,
  type NimbusAuthErrorBody,
  type NimbusAuthErrorJson,
} from '@nimbus-sh/worker/auth'
