/**
 * Letting the event loop breathe: long synchronous-looking work (a busy `while` loop, `yes`
 * into a sink that never blocks) must give timers (exec timeouts) and incoming keystrokes
 * (Ctrl-C) a turn. setImmediate is a real macrotask without setTimeout's 1 ms clamp.
 */
type Immediate = (cb: () => void) => unknown
const immediate: Immediate | undefined = (globalThis as { setImmediate?: Immediate }).setImmediate

export function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => {
    if (immediate) immediate(resolve)
    else setTimeout(resolve, 0)
  })
}

let last = performance.now()
let count = 0

/** Yields every few thousand calls, or when 20 ms of wall time went by (where the clock moves). */
export function shouldYield(): boolean {
  if (++count >= 4096) {
    count = 0
    last = performance.now()
    return true
  }
  if ((count & 63) === 0) {
    const now = performance.now()
    if (now - last > 20) {
      count = 0
      last = now
      return true
    }
  }
  return false
}
