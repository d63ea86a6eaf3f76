export interface ExecResult {
  stdout: string
  stderr: string
  exitCode: number
  durationMs: number
}
export interface PythonWorker {
  origin: string
  port: number
  log(): string
  exec(sandbox: string, command: string, opts?: { stdin?: string; timeoutMs?: number }): Promise<ExecResult>
  sdk(sandbox: string, call: 'runCode' | 'ensure' | 'install' | 'available' | 'installed' | 'exec' | 'startProcess' | 'ports.list' | 'ports.expose', args?: unknown[], config?: object): Promise<{ ok: boolean; result?: unknown; code?: string; error?: string }>
  cache(method: 'PUT' | 'DELETE', key: string, body?: Uint8Array | string): Promise<void>
  stop(): Promise<void>
}
export function startPythonWorker(): Promise<PythonWorker>
