/**
 * Reconnect delays for the terminal socket: exponential growth, capped, with jitter so many
 * tabs that lost the same server do not all knock again at the same instant.
 */

export interface BackoffOptions {
  /** Delay before the first retry, before jitter. */
  baseMs: number
  /** Upper bound for any delay. */
  maxMs: number
  /** Growth per attempt; 2 doubles the delay each time. */
  factor: number
}

export const DEFAULT_BACKOFF: BackoffOptions = { baseMs: 250, maxMs: 10_000, factor: 2 }

/**
 * Delay before retry number `attempt` (0 for the first). "Equal jitter": half of the
 * exponential delay is fixed, the other half random, so a retry never fires at once
 * and never later than the cap.
 */
export function backoffDelay(attempt: number, opts: BackoffOptions = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const n = Math.max(0, Math.floor(attempt))
  // Cap the exponent first so large attempt counts cannot overflow to Infinity.
  const exp = Math.min(opts.maxMs, opts.baseMs * Math.pow(opts.factor, Math.min(n, 32)))
  const half = exp / 2
  const r = Math.min(1, Math.max(0, random()))
  return Math.round(half + r * half)
}
