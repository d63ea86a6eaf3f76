/** Bindings of the test Worker (test/wrangler.test.jsonc), as `cloudflare:test` sees them. */
import type { NimbusEnv } from '../src/session/env.js'

declare global {
  namespace Cloudflare {
    interface Env extends NimbusEnv {}
  }
}
