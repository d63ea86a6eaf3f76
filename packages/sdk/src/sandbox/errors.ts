/**
 * Errors a sandbox call can throw. Every failure the sandbox reports keeps its stable code
 * (`ENOENT`, `E_RUNTIME_NOT_ALLOWED`, `E_INVALID_PARAMS`, …) and HTTP status, whichever
 * transport carried it; `NimbusRemoteError` marks the ones that came over HTTP.
 */

export class NimbusSandboxError extends Error {
  override readonly name: string = 'NimbusSandboxError'
  constructor(
    readonly code: string,
    message: string,
    readonly status: number,
  ) {
    super(message)
  }
}

/** A failure answered by the remote sandbox API (`Nimbus.connect`). */
export class NimbusRemoteError extends NimbusSandboxError {
  override readonly name = 'NimbusRemoteError'
}

export const isNimbusSandboxError = (e: unknown, code?: string): e is NimbusSandboxError =>
  e instanceof NimbusSandboxError && (code === undefined || e.code === code)
