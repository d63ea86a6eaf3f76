/**
 * Stopping a job (Ctrl-Z, `kill -STOP`): a gate keyed by the job's abort signal. Loops and
 * terminal writes wait at the gate while it is closed; `fg`/`bg` open it again.
 */
const gates = new WeakMap<AbortSignal, { promise: Promise<void>; open: () => void }>()

export function pause(signal: AbortSignal): () => void {
  const existing = gates.get(signal)
  if (existing) return existing.open
  let open!: () => void
  const promise = new Promise<void>((r) => (open = r))
  const gate = {
    promise,
    open: () => {
      gates.delete(signal)
      open()
    },
  }
  gates.set(signal, gate)
  signal.addEventListener('abort', gate.open, { once: true })
  return gate.open
}

/** Resolves at once unless the signal's job is stopped. */
export function waitIfPaused(signal: AbortSignal): Promise<void> | undefined {
  return gates.get(signal)?.promise
}
