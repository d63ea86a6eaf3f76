/**
 * Errors of the sandbox operations (SDK over DO RPC and over HTTP). Each has a stable code
 * and an HTTP status; `replyOf` turns any failure into the one reply envelope both
 * transports carry, so a caller sees the same code whichever way it called.
 */
import { SqlError } from '../vfs/sql.js'
import { VfsError } from '../vfs/types.js'

export type SandboxErrorCode =
  | 'E_METHOD_UNKNOWN'
  | 'E_INVALID_PARAMS'
  | 'E_PATH_OUTSIDE_ROOT'
  | 'E_PROFILE_UNKNOWN'
  | 'E_RUNTIME_NOT_ALLOWED'
  | 'E_RUNTIME_ON_DEMAND_DISABLED'
  | 'E_RUNTIME_NOT_INSTALLED'
  | 'E_RUNTIME_UNAVAILABLE'
  | 'E_RUNTIME_INSTALL_FAILED'
  | 'E_LANGUAGE_UNSUPPORTED'
  | 'E_PROCESS_NOT_FOUND'
  | 'E_PORT_IN_USE'
  | 'E_PORT_NOT_LISTENING'

const STATUS: Record<SandboxErrorCode, number> = {
  E_METHOD_UNKNOWN: 404,
  E_INVALID_PARAMS: 400,
  E_PATH_OUTSIDE_ROOT: 403,
  E_PROFILE_UNKNOWN: 400,
  E_RUNTIME_NOT_ALLOWED: 403,
  E_RUNTIME_ON_DEMAND_DISABLED: 403,
  E_RUNTIME_NOT_INSTALLED: 409,
  E_RUNTIME_UNAVAILABLE: 501,
  E_RUNTIME_INSTALL_FAILED: 500,
  E_LANGUAGE_UNSUPPORTED: 400,
  E_PROCESS_NOT_FOUND: 404,
  E_PORT_IN_USE: 409,
  E_PORT_NOT_LISTENING: 502,
}

/** A sandbox operation the caller asked for and cannot have. */
export class SandboxError extends Error {
  override readonly name = 'SandboxError'
  readonly status: number
  constructor(
    readonly code: SandboxErrorCode,
    message: string,
  ) {
    super(message)
    this.status = STATUS[code]
  }
}

/** HTTP status of each filesystem code as the sandbox API reports it. */
export const VFS_STATUS: Partial<Record<VfsError['code'], number>> = {
  ENOENT: 404,
  EEXIST: 409,
  EACCES: 403,
  EPERM: 403,
  ENOSPC: 507,
}

/** What a sandbox call returns over either transport. */
export type SandboxReply<T = unknown> = { ok: true; result: T } | { ok: false; error: string; code: string; status: number }

/** The reply envelope for a failure: typed errors keep their code, anything else is E_INTERNAL. */
export function replyOf(err: unknown): SandboxReply<never> {
  if (err instanceof SandboxError) return { ok: false, error: err.message, code: err.code, status: err.status }
  if (err instanceof VfsError) return { ok: false, error: err.message, code: err.code, status: VFS_STATUS[err.code] ?? 400 }
  if (err instanceof SqlError) console.error('nimbus: sandbox storage failed', err)
  else console.error('nimbus: sandbox call failed', err)
  return { ok: false, error: 'Internal error', code: 'E_INTERNAL', status: 500 }
}
