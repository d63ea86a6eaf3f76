/**
 * The runtime registry: each runtime (node, python, …) registers a provider here, and the
 * sandbox's runtime manager installs and probes runtimes only through this interface. A
 * runtime with no provider registered cannot be installed; the manager reports it with a
 * typed error instead of pretending. `shell` is built in and always installed.
 */
import type { RuntimeName } from '@nimbus-sh/config'
import type { ExecOptions, ExecResult } from '../shell/types.js'
import type { Vfs } from '../vfs/types.js'

export type { RuntimeName } from '@nimbus-sh/config'

/** What a provider gets to install or probe a runtime in one sandbox. */
export interface RuntimeContext {
  /** The sandbox's filesystem. */
  fs: Vfs
  /** Runs a command line in the sandbox's shell. */
  exec(command: string, opts?: ExecOptions): Promise<ExecResult>
  /** The Worker's bindings (LOADER, ASSETS, R2 caches), as the Durable Object sees them. */
  env: Readonly<Record<string, unknown>>
  /** Aborted when the caller gives up. */
  signal?: AbortSignal
}

export interface RuntimeProvider {
  id: RuntimeName
  /** Makes the runtime usable in this sandbox (fetch assets, write shims). Throws on failure. */
  install(ctx: RuntimeContext): Promise<void>
  /** True when the runtime is usable in this sandbox now. */
  isInstalled(ctx: RuntimeContext): boolean | Promise<boolean>
}

const providers = new Map<RuntimeName, RuntimeProvider>()

/** Registers (or replaces) the provider for `provider.id`; returns a function that removes it. */
export function registerRuntime(provider: RuntimeProvider): () => void {
  providers.set(provider.id, provider)
  return () => {
    if (providers.get(provider.id) === provider) providers.delete(provider.id)
  }
}

/** The provider for `id`, or undefined when none is registered. */
export function runtimeProvider(id: RuntimeName): RuntimeProvider | undefined {
  return providers.get(id)
}

/** Names with a registered provider (`shell` is always present). */
export function registeredRuntimes(): RuntimeName[] {
  return ['shell', ...[...providers.keys()].filter((id) => id !== 'shell')]
}

/** The built-in shell: present in every sandbox from the start. */
registerRuntime({ id: 'shell', install: async () => undefined, isInstalled: () => true })
