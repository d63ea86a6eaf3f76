/** The bindings and variables a Worker that embeds Nimbus provides (see spec 000). */
import type { NimbusSession } from './nimbus-session.js'

export interface NimbusEnv {
  NIMBUS_SESSION: DurableObjectNamespace<NimbusSession>
  ASSETS?: Fetcher
  LOADER?: unknown
  NPM_TARBALL_CACHE?: R2Bucket
  NPM_PACKUMENT_CACHE?: R2Bucket
  NIMBUS_RUNTIME_CACHE?: R2Bucket
  JWT_SECRET?: string
  JWT_SECRET_PREVIOUS?: string
  NIMBUS_LEGACY_PUBLIC?: string
  /** Per-sandbox filesystem quota in bytes (default 1 GiB). */
  NIMBUS_QUOTA_BYTES?: string
}
