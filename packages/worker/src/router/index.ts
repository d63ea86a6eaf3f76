/** `@nimbus-sh/worker/router`: the Nimbus router and its option and hook types. */
export { createNimbusHandler, routes, type NimbusHandler } from './handler.js'
export { HttpError, errorResponse, jsonError, type HttpErrorCode } from './http-error.js'
export { MAX_BODY_BYTES, type CustomRoutes, type NimbusHandlerOptions, type NimbusHooks, type RemoteSdkOptions, type SessionHookContext } from './options.js'
export { SESSION_ID_RE, isValidSessionId, newSessionId } from './session-id.js'
export { SCOPE_ATTACH, SCOPE_CREATE } from './handlers.js'
export type { AuthContext, AuthEnv, AuthMode, AuthOptions } from './auth.js'
