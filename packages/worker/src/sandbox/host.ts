/**
 * The sandbox services commands may reach from inside the shell (`serve` listens on a
 * port, `ps` and `kill` see the process table). Commands only hold the filesystem, so the
 * session binds its services to its filesystem instance and commands look them up by it.
 */
import type { Vfs } from '../vfs/types.js'
import type { PortRegistry } from './ports.js'
import type { ProcessTable } from './processes.js'

export interface SandboxHost {
  ports: PortRegistry
  processes: ProcessTable
}

const hosts = new WeakMap<Vfs, SandboxHost>()

export function bindSandboxHost(fs: Vfs, host: SandboxHost): void {
  hosts.set(fs, host)
}

/** The services of the sandbox that owns `fs`, or undefined (a plain shell in a test). */
export function sandboxHostOf(fs: Vfs): SandboxHost | undefined {
  return hosts.get(fs)
}
