/**
 * Errors the router answers with, and the one place any error becomes a JSON response
 * `{ ok: false, error, code }` with its status.
 */
import { isNimbusAuthError } from '../auth/errors.js'
import { authErrorResponse } from '../auth/http.js'
import { SandboxError, VFS_STATUS } from '../sandbox/errors.js'
import { VfsError } from '../vfs/types.js'

export type HttpErrorCode =
  | 'E_INVALID_SESSION_ID'
  | 'E_NOT_FOUND'
  | 'E_METHOD_NOT_ALLOWED'
  | 'E_BODY_TOO_LARGE'
  | 'E_UPGRADE_REQUIRED'
  | 'E_ASSETS_MISSING'
  | 'E_INVALID_JSON'
  | 'E_INVALID_PORT'
  | 'E_REMOTE_LEGACY_DISABLED'
  | 'E_INTERNAL'

/** A request the router refuses, with a stable code and HTTP status. */
export class HttpError extends Error {
  override readonly name = 'HttpError'
  constructor(
    readonly status: number,
    readonly code: HttpErrorCode,
    message: string,
  ) {
    super(message)
  }
}

export const jsonError = (status: number, code: string, error: string): Response =>
  new Response(JSON.stringify({ ok: false, error, code }), {
    status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  })

/** The SDK's sandbox errors (thrown in an embedder's own routes) by shape: the SDK depends on this package, not the reverse. */
function sandboxErrorLike(err: unknown): { status: number; code: string; message: string } | undefined {
  if (!(err instanceof Error) || (err.name !== 'NimbusSandboxError' && err.name !== 'NimbusRemoteError')) return undefined
  const { status, code } = err as Error & { status?: unknown; code?: unknown }
  return typeof status === 'number' && status >= 400 && status <= 599 && typeof code === 'string' ? { status, code, message: err.message } : undefined
}

export function errorResponse(err: unknown): Response {
  if (err instanceof HttpError) return jsonError(err.status, err.code, err.message)
  if (isNimbusAuthError(err)) return authErrorResponse(err)
  if (err instanceof SandboxError) return jsonError(err.status, err.code, err.message)
  if (err instanceof VfsError) return jsonError(VFS_STATUS[err.code] ?? 400, err.code, err.message)
  const sdkError = sandboxErrorLike(err)
  if (sdkError) return jsonError(sdkError.status, sdkError.code, sdkError.message)
  console.error('nimbus: unhandled error', err)
  return jsonError(500, 'E_INTERNAL', 'Internal error')
}
