/**
 * `@nimbus-sh/worker`: the runtime behind `@nimbus-sh/sdk/worker` — the session Durable
 * Object, its RPC entrypoints, the router, the filesystem and the shell.
 */
export { NimbusSession } from './session/nimbus-session.js'
export {
  CirrusHmrRPC,
  NimbusAssetsRPC,
  NimbusDOStub,
  NimbusDurableObjectNamespace,
  NimbusLoadedEntrypoint,
  NimbusLoadedWorker,
  NimbusLoaderRPC,
  SupervisorRPC,
  type SandboxProps,
} from './session/entrypoints.js'
export type { NimbusEnv } from './session/env.js'
export { MAX_FRAME_BYTES, terminalSocketPath, type ClientMessage, type ServerMessage } from './session/protocol.js'
export * from './router/index.js'
export type { ExecOptions, ExecResult } from './shell/types.js'
export { VfsError, type VfsCode, type FileStat, type DirEntry } from './vfs/types.js'
/** The shapes the sandbox API returns, shared with the SDK client. */
export type { LogChunk, LogsPage, ProcessInfo, ProcessState } from './sandbox/processes.js'
export type { PortInfo } from './sandbox/ports.js'
export type { RuntimeInfo } from './sandbox/runtime-manager.js'
export type { FileEntry, FileInfo } from './sandbox/service.js'
