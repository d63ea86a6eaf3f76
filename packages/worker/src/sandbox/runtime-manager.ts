/**
 * The runtime manager: which runtimes a sandbox has installed (recorded in SQLite), and
 * installing them through the registry under the profile's policy — `allow` gates every
 * use, `onDemand: false` permits only the `preinstall` list, and a runtime nobody has
 * registered a provider for fails with E_RUNTIME_UNAVAILABLE. It also keeps the policy the
 * sandbox's shell runs under (the profile last applied by `ready()`, else everything
 * allowed), since commands typed in a terminal arrive with no profile of their own.
 */
import { RUNTIME_NAMES, isRuntimeName, type NimbusRuntimesConfig, type RuntimeName } from '@nimbus-sh/config'
import { runtimeProvider, type RuntimeContext, type RuntimeProvider } from '../runtimes/registry.js'
import type { SqlStore } from '../vfs/sql.js'
import { SandboxError } from './errors.js'

export interface RuntimeInfo {
  name: RuntimeName
  /** The profile lets this sandbox use it. */
  allowed: boolean
  /** A provider is registered, so it can be installed. */
  available: boolean
  installed: boolean
}

/** Without a profile: every runtime allowed and installable on demand. */
export const OPEN_POLICY: NimbusRuntimesConfig = Object.freeze({ preinstall: [], onDemand: true, allow: [...RUNTIME_NAMES] })

const namesIn = (v: unknown): RuntimeName[] => (Array.isArray(v) ? v.filter(isRuntimeName) : [])

/** A stored policy; anything unreadable falls back to the open policy rather than locking the shell. */
function parsePolicy(raw: string): NimbusRuntimesConfig {
  try {
    const v: unknown = JSON.parse(raw)
    if (!v || typeof v !== 'object') return OPEN_POLICY
    const o = v as Record<string, unknown>
    return { preinstall: namesIn(o.preinstall), onDemand: o.onDemand !== false, allow: namesIn(o.allow) }
  } catch {
    return OPEN_POLICY
  }
}

export class RuntimeManager {
  /** Installs in flight, so concurrent callers share one. */
  readonly #pending = new Map<RuntimeName, Promise<void>>()

  constructor(
    private readonly sql: SqlStore,
    private readonly context: () => RuntimeContext,
    /** Where providers come from: the registry, or a stand-in in tests. */
    private readonly lookup: (name: RuntimeName) => RuntimeProvider | undefined = runtimeProvider,
  ) {
    sql.run('CREATE TABLE IF NOT EXISTS sandbox_runtime (name TEXT PRIMARY KEY, installed_at INTEGER NOT NULL)')
    sql.run('CREATE TABLE IF NOT EXISTS sandbox_shell_policy (id INTEGER PRIMARY KEY CHECK (id = 1), policy TEXT NOT NULL)')
  }

  /** The policy the shell (terminal, exec, background processes) runs under. */
  shellPolicy(): NimbusRuntimesConfig {
    const row = this.sql.all<{ policy: string }>('SELECT policy FROM sandbox_shell_policy WHERE id = 1')[0]
    return row ? parsePolicy(row.policy) : OPEN_POLICY
  }

  /** Records the policy of the profile this sandbox was readied with; it outlives restarts. */
  setShellPolicy(policy: NimbusRuntimesConfig): void {
    // It may arrive over RPC: keep only known runtime names.
    const clean = { preinstall: namesIn(policy.preinstall), onDemand: policy.onDemand !== false, allow: namesIn(policy.allow) }
    this.sql.run('INSERT OR REPLACE INTO sandbox_shell_policy (id, policy) VALUES (1, ?)', JSON.stringify(clean))
  }

  installed(): RuntimeName[] {
    const recorded = new Set(this.sql.all<{ name: string }>('SELECT name FROM sandbox_runtime').map((r) => r.name))
    return RUNTIME_NAMES.filter((n) => n === 'shell' || recorded.has(n))
  }

  isInstalled(name: RuntimeName): boolean {
    return name === 'shell' || this.sql.all('SELECT 1 FROM sandbox_runtime WHERE name = ?', name).length > 0
  }

  available(policy: NimbusRuntimesConfig): RuntimeInfo[] {
    const installed = new Set(this.installed())
    return RUNTIME_NAMES.map((name) => ({
      name,
      allowed: policy.allow.includes(name),
      available: this.lookup(name) !== undefined,
      installed: installed.has(name),
    }))
  }

  /** Throws E_RUNTIME_NOT_ALLOWED unless the profile allows `name`. */
  checkAllowed(policy: NimbusRuntimesConfig, name: RuntimeName): void {
    if (!policy.allow.includes(name)) {
      throw new SandboxError('E_RUNTIME_NOT_ALLOWED', `runtime "${name}" is not allowed by this sandbox profile (allowed: ${policy.allow.join(', ') || 'none'})`)
    }
  }

  /**
   * Throws the typed error `install` would before doing any work (not allowed, on-demand
   * installs off, no provider); returns the provider. Lets callers report progress only for
   * installs that will really start.
   */
  checkInstallable(policy: NimbusRuntimesConfig, name: RuntimeName, opts: { preinstalling?: boolean } = {}): RuntimeProvider {
    this.checkAllowed(policy, name)
    if (!opts.preinstalling && !policy.onDemand && !policy.preinstall.includes(name)) {
      throw new SandboxError('E_RUNTIME_ON_DEMAND_DISABLED', `runtime "${name}" is not preinstalled and this profile has runtimes.onDemand: false`)
    }
    const provider = this.lookup(name)
    if (!provider) throw new SandboxError('E_RUNTIME_UNAVAILABLE', `runtime "${name}" is not available in this build of Nimbus`)
    return provider
  }

  /**
   * Installs `name` if it is not installed yet. `preinstalling` is set by `ready()`, which
   * may install the profile's preinstall list even when on-demand installs are off.
   */
  async install(policy: NimbusRuntimesConfig, name: RuntimeName, opts: { preinstalling?: boolean } = {}): Promise<void> {
    this.checkAllowed(policy, name)
    if (this.isInstalled(name)) return
    const provider = this.checkInstallable(policy, name, opts)
    let pending = this.#pending.get(name)
    if (!pending) {
      pending = (async () => {
        const ctx = this.context()
        try {
          if (!(await provider.isInstalled(ctx))) await provider.install(ctx)
        } catch (e) {
          if (e instanceof SandboxError) throw e
          throw new SandboxError('E_RUNTIME_INSTALL_FAILED', `installing "${name}" failed: ${e instanceof Error ? e.message : String(e)}`)
        }
        this.sql.run('INSERT OR REPLACE INTO sandbox_runtime (name, installed_at) VALUES (?, ?)', name, Date.now())
      })().finally(() => this.#pending.delete(name))
      this.#pending.set(name, pending)
    }
    await pending
  }

  async ensure(policy: NimbusRuntimesConfig, names: readonly RuntimeName[], opts: { preinstalling?: boolean } = {}): Promise<RuntimeName[]> {
    for (const name of names) this.checkAllowed(policy, name)
    for (const name of names) await this.install(policy, name, opts)
    return this.installed()
  }
}
