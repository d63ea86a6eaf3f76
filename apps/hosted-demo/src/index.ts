/**
 * The hosted demo: the quickstart from the @nimbus-sh/worker README, deployed as is.
 * Without JWT_SECRET it runs in legacy-public mode (possession of the URL is access).
 */
import {
  NimbusSession,
  SupervisorRPC,
  NimbusAssetsRPC,
  NimbusLoaderRPC,
  NimbusLoadedWorker,
  NimbusLoadedEntrypoint,
  NimbusDurableObjectNamespace,
  NimbusDOStub,
  CirrusHmrRPC,
  createNimbusHandler,
} from '@nimbus-sh/sdk/worker'
import { defineNimbusConfig } from '@nimbus-sh/config'

// Re-export the DO + every RPC class so wrangler's `class_name` lookup and
// `ctx.exports` find them in the Worker's main-module exports.
export {
  NimbusSession,
  SupervisorRPC,
  NimbusAssetsRPC,
  NimbusLoaderRPC,
  NimbusLoadedWorker,
  NimbusLoadedEntrypoint,
  NimbusDurableObjectNamespace,
  NimbusDOStub,
  CirrusHmrRPC,
}

const nimbusConfig = defineNimbusConfig({
  sandboxes: {
    default: {
      root: '/home/user',
      runtimes: { preinstall: ['python'], onDemand: true },
      tools: { namespace: 'sandbox', kind: 'sandbox' },
    },
  },
})

export default createNimbusHandler({
  sdk: {
    remote: true,
    config: nimbusConfig,
  },
})
