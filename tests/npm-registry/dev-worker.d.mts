/** Types for dev-worker.mjs. */
export interface RuntimeWorker {
  origin: string
  port: number
  log(): string
  stop(): Promise<void>
}
export function startRuntimeWorker(opts?: { vars?: Record<string, string> }): Promise<RuntimeWorker>
