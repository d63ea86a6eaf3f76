/**
 * `Nimbus`: the entry of the sandbox SDK. `Nimbus.fromEnv(env, config)` talks to the
 * `NIMBUS_SESSION` Durable Object binding of the Worker it runs in; `Nimbus.connect({
 * endpoint, token, config })` talks HTTP to a deployment from anywhere. Both hand out the
 * same `NimbusSandbox` handles.
 */
import { parseNimbusConfig, type NimbusConfig, type NimbusConfigInput, type NimbusSandboxProfile } from '@nimbus-sh/config'
import { ID_COMPONENT_RE } from '@nimbus-sh/worker/auth'
import { NimbusSandbox } from './box.js'
import { NimbusSandboxError } from './errors.js'
import { durableObjectTransport, httpTransport, type SandboxNamespace, type SandboxTransport } from './transport.js'

/** The tenant of sandboxes opened without one; the same as legacy-public mode's. */
export const LEGACY_TENANT_SEGMENT = 'legacy:public:_'

export interface SandboxOptions {
  /** Profile name from the config (default: `default`, else the first profile). */
  profile?: string
  /** Tenant and subject name the sandbox's Durable Object (`${tenant}:${subject || '_'}`); with `connect` they come from the token. */
  tenant?: string
  subject?: string
  /** A root narrower than (or, with fromEnv, instead of) the profile's root. */
  root?: string
}

export interface FromEnvOptions {
  /** Name of the Durable Object binding (default `NIMBUS_SESSION`). */
  binding?: string
}

export interface ConnectOptions {
  endpoint: string
  /** A Nimbus JWT with the `sandbox:use` scope, or a function returning a fresh one. */
  token?: string | (() => string | Promise<string>)
  config?: NimbusConfig | NimbusConfigInput
  /** Where the remote route is mounted (default `/api/nimbus/v1`). */
  basePath?: string
  fetch?: typeof fetch
}

const SANDBOX_ID_RE = /^[A-Za-z0-9._-]{1,128}$/

const isNamespace = (v: unknown): v is SandboxNamespace =>
  typeof v === 'object' && v !== null && typeof (v as { idFromName?: unknown }).idFromName === 'function' && typeof (v as { get?: unknown }).get === 'function'

export class Nimbus {
  readonly config: NimbusConfig

  private constructor(
    private readonly transport: SandboxTransport,
    config: NimbusConfig | NimbusConfigInput | undefined,
    private readonly mode: 'env' | 'remote',
    private readonly endpoint: string | undefined,
  ) {
    this.config = parseNimbusConfig(config ?? {})
  }

  /** Sandboxes over DO RPC, for code in the Worker (or Durable Object) that has the binding. */
  static fromEnv(env: object, config?: NimbusConfig | NimbusConfigInput, opts: FromEnvOptions = {}): Nimbus {
    const binding = opts.binding ?? 'NIMBUS_SESSION'
    const ns: unknown = (env as Record<string, unknown>)[binding]
    if (!isNamespace(ns)) throw new NimbusSandboxError('E_BINDING_MISSING', `env.${binding} is not a Durable Object namespace binding`, 500)
    const parsed = parseNimbusConfig(config ?? {})
    return new Nimbus(durableObjectTransport(ns), parsed, 'env', parsed.endpoint)
  }

  /** Sandboxes over HTTP (`POST <endpoint>/api/nimbus/v1/sandboxes/<id>/rpc`), from anywhere. */
  static connect(opts: ConnectOptions): Nimbus {
    const endpoint = opts.endpoint.replace(/\/+$/, '')
    return new Nimbus(httpTransport({ ...opts, endpoint }), opts.config, 'remote', endpoint)
  }

  sandbox(id: string, opts: SandboxOptions = {}): NimbusSandbox {
    if (!SANDBOX_ID_RE.test(id) || id === '.' || id === '..') {
      throw new NimbusSandboxError('E_INVALID_SESSION_ID', 'Sandbox ids are 1–128 characters of A–Z, a–z, 0–9, ".", "_" or "-"', 400)
    }
    for (const [key, value] of [['tenant', opts.tenant], ['subject', opts.subject]] as const) {
      if (value !== undefined && !ID_COMPONENT_RE.test(value)) throw new NimbusSandboxError('E_INVALID_PARAMS', `${key} must match [A-Za-z0-9._-]{1,128}`, 400)
    }
    const names = Object.keys(this.config.sandboxes)
    const profileName = opts.profile ?? (names.includes('default') ? 'default' : names[0]) ?? 'default'
    const profile: NimbusSandboxProfile | undefined = this.config.sandboxes[profileName]
    if (!profile) throw new NimbusSandboxError('E_PROFILE_UNKNOWN', `unknown sandbox profile "${profileName}" (known: ${names.join(', ')})`, 400)
    const tenantSegment = opts.tenant === undefined ? LEGACY_TENANT_SEGMENT : `${opts.tenant}:${opts.subject || '_'}`
    return new NimbusSandbox(this.transport, {
      sandboxId: id,
      tenantSegment,
      profileName,
      profile,
      ...(opts.root !== undefined && { root: opts.root }),
      ...(this.endpoint !== undefined && { endpoint: this.endpoint }),
    })
  }

  /** `env` for `fromEnv`, `remote` for `connect`. */
  get transportKind(): 'env' | 'remote' {
    return this.mode
  }
}
