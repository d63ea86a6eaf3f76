/**
 * The sandbox services commands may reach from inside the shell (`serve` listens on a
 * port, `ps` and `kill` see the process table, `runtimes` and the language commands use
 * the runtime manager). Commands only hold the filesystem, so the session binds its
 * services to its filesystem instance and commands look them up by it.
 */
import type { NimbusRuntimesConfig } from '@nimbus-sh/config'
import type { Vfs } from '../vfs/types.js'
import type { PortRegistry } from './ports.js'
import type { ProcessTable } from './processes.js'
import type { RuntimeManager } from './runtime-manager.js'

/** The runtime manager as the shell sees it: the SDK's records, under the shell's policy. */
export interface ShellRuntimes {
  manager: RuntimeManager
  /** The profile policy commands typed in the shell run under (see SandboxService.shellPolicy). */
  policy(): NimbusRuntimesConfig
}

export interface SandboxHost {
  ports: PortRegistry
  processes: ProcessTable
  /** Absent in a shell built without a sandbox service (plain command tests). */
  runtimes?: ShellRuntimes
}

const hosts = new WeakMap<Vfs, SandboxHost>()

export function bindSandboxHost(fs: Vfs, host: SandboxHost): void {
  hosts.set(fs, host)
}

/** The services of the sandbox that owns `fs`, or undefined (a plain shell in a test). */
export function sandboxHostOf(fs: Vfs): SandboxHost | undefined {
  return hosts.get(fs)
}
