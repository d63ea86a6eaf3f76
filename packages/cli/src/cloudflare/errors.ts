/** Failures talking to the Cloudflare v4 API, kept apart from how the CLI words them. */
export interface CloudflareMessage {
  code: number
  message: string
}

/** The API answered with `success: false` (or something that is not an envelope). */
export class CloudflareApiError extends Error {
  override readonly name = 'CloudflareApiError'
  constructor(
    readonly status: number,
    readonly errors: readonly CloudflareMessage[],
    readonly method: string,
    readonly path: string,
  ) {
    super(
      errors.length > 0
        ? errors.map((e) => `${e.message} (Cloudflare error ${e.code})`).join('; ')
        : `HTTP ${status} from ${method} ${path}`,
    )
  }
  has(code: number): boolean {
    return this.errors.some((e) => e.code === code)
  }
}

/** No answer at all: refused, reset, DNS failure or timeout. */
export class CloudflareNetworkError extends Error {
  override readonly name = 'CloudflareNetworkError'
  constructor(
    readonly baseUrl: string,
    readonly reason: string,
  ) {
    super(`could not reach the Cloudflare API at ${baseUrl} (${reason})`)
  }
}

/** Cloudflare error codes the CLI reacts to. */
export const CF = {
  /** Invalid API token. */
  INVALID_TOKEN: 1000,
  /** Authentication error (token lacks access). */
  AUTH_ERROR: 10000,
  /** Bucket already exists and you own it. */
  BUCKET_EXISTS: 10004,
  /** The specified bucket does not exist. */
  NO_SUCH_BUCKET: 10006,
  /** R2 has not been enabled for the account. */
  R2_NOT_ENABLED: 10042,
} as const
