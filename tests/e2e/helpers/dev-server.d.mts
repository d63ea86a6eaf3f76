/** Types for dev-server.mjs. */
export declare const REPO_ROOT: string
export declare function freePort(): Promise<number>
export declare function assertAssetsBuilt(): void
export interface DevServer {
  /** `http://127.0.0.1:<port>` */
  url: string
  port: number
  persistDir: string
  /** Ends npm, wrangler and workerd (the whole process group); removes a persist dir it made. */
  stop(): Promise<void>
  /** The last output of the server, for error messages. */
  output(): string
}
export declare function startDevServer(opts?: {
  port?: number
  persistDir?: string
  args?: string[]
  timeoutMs?: number
}): Promise<DevServer>
