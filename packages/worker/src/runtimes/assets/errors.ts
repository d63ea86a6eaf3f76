/**
 * The failure a runtime reports when one of its heavy assets cannot be loaded: which
 * runtime, which asset, and why (every source tried). Nothing is cached on failure, so
 * running the command again retries the download.
 */
export class RuntimeAssetError extends Error {
  override readonly name = 'RuntimeAssetError'
  readonly code = 'E_RUNTIME_ASSET'
  constructor(
    readonly runtime: string,
    readonly asset: string,
    readonly reason: string,
  ) {
    super(`${runtime}: could not load ${asset}: ${reason}`)
  }
}
