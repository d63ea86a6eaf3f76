/** Types for server.mjs. */
export interface FixtureVersion {
  manifest: Record<string, unknown>
  tgz: Uint8Array
  integrity: string
  shasum: string
}
export interface Registry {
  url: string
  hits: { packument: number; tarball: number }
  packages: Map<string, Record<string, FixtureVersion>>
  close(): Promise<void>
}
export function makeTar(files: Array<{ path: string; data: Uint8Array; mode?: number; type?: string }>): Uint8Array
export function startRegistry(opts?: { extra?: Record<string, Record<string, FixtureVersion>> }): Promise<Registry>
