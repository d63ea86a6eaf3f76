/**
 * `@nimbus-sh/sdk/sandbox`: programmatic sandboxes — `Nimbus.fromEnv` (DO RPC inside the
 * embedding Worker) and `Nimbus.connect` (HTTP from anywhere), the `NimbusSandbox` handle
 * (exec, files, processes, ports, runtimes, runCode) and its tools for the `ai` package.
 */
export { Nimbus, LEGACY_TENANT_SEGMENT, type ConnectOptions, type FromEnvOptions, type SandboxOptions } from './sandbox/nimbus.js'
export { NimbusSandbox, type StartProcessOptions } from './sandbox/box.js'
export { NimbusRemoteError, NimbusSandboxError, isNimbusSandboxError } from './sandbox/errors.js'
export { SANDBOX_CAPABILITIES, sandboxTools, type SandboxCapabilities, type SandboxToolName, type SandboxToolProvider, type SandboxToolsOptions } from './sandbox/tools.js'
export type { SandboxNamespace, SandboxTarget, SandboxTransport } from './sandbox/transport.js'
export type * from './sandbox/types.js'
