/** A timer that an abort ends early: sleep, watch, tail -f and free -s wait with it. */

/**
 * Waits `ms` milliseconds (forever when not finite) or until `signal` aborts.
 * Resolves true when the wait ended by the abort.
 */
export function waitOrAbort(ms: number, signal: AbortSignal): Promise<boolean> {
  if (signal.aborted) return Promise.resolve(true)
  return new Promise<boolean>((resolve) => {
    const onAbort = () => {
      if (timer !== undefined) clearTimeout(timer)
      resolve(true)
    }
    // setTimeout caps near 24.8 days; an endless wait just listens for the abort.
    const timer = Number.isFinite(ms)
      ? setTimeout(() => {
          signal.removeEventListener('abort', onAbort)
          resolve(false)
        }, Math.min(Math.max(0, ms), 2 ** 31 - 1))
      : undefined
    signal.addEventListener('abort', onAbort, { once: true })
  })
}
