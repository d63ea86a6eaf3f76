/**
 * `@nimbus-sh/sdk/worker`: the public Worker embedder API — the session Durable Object,
 * the RPC entrypoint classes to re-export, `createNimbusHandler`, and auth helpers.
 */
export {
  CirrusHmrRPC,
  NimbusAssetsRPC,
  NimbusDOStub,
  NimbusDurableObjectNamespace,
  NimbusLoadedEntrypoint,
  NimbusLoadedWorker,
  NimbusLoaderRPC,
  NimbusSession,
  SupervisorRPC,
  createNimbusHandler,
  type NimbusEnv,
  type NimbusHandler,
  type NimbusHandlerOptions,
  type NimbusHooks,
  type SessionHookContext,
  type CustomRoutes,
} from '@nimbus-sh/worker'
export { issueNimbusToken, verifyNimbusToken } from '@nimbus-sh/worker/auth'
