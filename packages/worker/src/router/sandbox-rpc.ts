/**
 * The remote sandbox API: `POST <basePath>/sandboxes/<id>/rpc` with `{ method, params }`
 * answers `{ ok: true, result }` or `{ ok: false, error, code }`. It needs a token with the
 * `sandbox:use` scope (tenant and subject come from the token); in legacy-public mode it
 * answers only when `sdk.remote.allowLegacy` is set. The profile comes from the server's
 * `sdk.config`, never from the caller; a caller may only narrow its root.
 */
import { parseNimbusConfig, type NimbusConfig, type NimbusSandboxProfile } from '@nimbus-sh/config'
import { NIMBUS_SCOPES } from '../auth/claims.js'
import { SandboxError, type SandboxReply } from '../sandbox/errors.js'
import { decodeWire, encodeWire } from '../sandbox/wire.js'
import type { NimbusEnv } from '../session/env.js'
import { authenticate } from './auth.js'
import { sessionIdOf, type RequestContext } from './handlers.js'
import { HttpError } from './http-error.js'
import { MAX_BODY_BYTES, type NimbusHandlerOptions, type RemoteSdkOptions } from './options.js'
import type { Params } from './route.js'

export const DEFAULT_REMOTE_BASE_PATH = '/api/nimbus/v1'
export const SCOPE_SANDBOX_USE = NIMBUS_SCOPES.sandboxUse

export interface ResolvedRemoteOptions {
  enabled: boolean
  basePath: string
  allowLegacy: boolean
}

/** `sdk.remote` as a full object; off unless set. */
export function remoteOptions(options: NimbusHandlerOptions): ResolvedRemoteOptions {
  const raw: boolean | RemoteSdkOptions | undefined = options.sdk?.remote
  const o: RemoteSdkOptions = typeof raw === 'object' ? raw : { enabled: raw === true }
  const base = (o.basePath ?? DEFAULT_REMOTE_BASE_PATH).replace(/\/+$/, '')
  return { enabled: o.enabled ?? typeof raw === 'object', basePath: base.startsWith('/') ? base : `/${base}`, allowLegacy: o.allowLegacy ?? false }
}

const resolvedConfigs = new WeakMap<object, NimbusConfig>()
const DEFAULT_CONFIG = parseNimbusConfig({})

/** The handler's `sdk.config`, parsed once (the empty config when none was given). */
export function configOf(options: NimbusHandlerOptions): NimbusConfig {
  const raw = options.sdk?.config
  if (!raw) return DEFAULT_CONFIG
  let config = resolvedConfigs.get(raw)
  if (!config) {
    config = parseNimbusConfig(raw)
    resolvedConfigs.set(raw, config)
  }
  return config
}

/** The named profile (default: `default`, else the only/first one), with an optional narrower root. */
export function pickProfile(config: NimbusConfig, name: unknown, root: unknown): NimbusSandboxProfile {
  const names = Object.keys(config.sandboxes)
  const key = typeof name === 'string' ? name : names.includes('default') ? 'default' : names[0]
  const profile = key === undefined ? undefined : config.sandboxes[key]
  if (!profile) throw new SandboxError('E_PROFILE_UNKNOWN', `unknown sandbox profile ${JSON.stringify(name)} (known: ${names.join(', ')})`)
  if (root === undefined || root === null) return profile
  if (typeof root !== 'string' || !root.startsWith('/') || root.split('/').some((s) => s === '..' || s === '.')) {
    throw new SandboxError('E_INVALID_PARAMS', 'root: expected an absolute path without "." or ".." segments')
  }
  const narrowed = root.replace(/\/+/g, '/').replace(/(.)\/$/, '$1')
  if (profile.root !== '/' && narrowed !== profile.root && !narrowed.startsWith(`${profile.root}/`)) {
    throw new SandboxError('E_PATH_OUTSIDE_ROOT', `root ${root} is outside the profile root ${profile.root}`)
  }
  return { ...profile, root: narrowed }
}

/** Reads at most `limit` bytes of body; more is a 413 whatever Content-Length said. */
export async function readBodyText(request: Request, limit = MAX_BODY_BYTES): Promise<string> {
  if (!request.body) return ''
  const reader = request.body.getReader()
  const parts: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > limit) {
      await reader.cancel().catch(() => undefined)
      throw new HttpError(413, 'E_BODY_TOO_LARGE', `Request bodies are limited to ${limit} bytes`)
    }
    parts.push(value)
  }
  const all = new Uint8Array(size)
  let at = 0
  for (const p of parts) {
    all.set(p, at)
    at += p.byteLength
  }
  return new TextDecoder().decode(all)
}

const sandboxStub = (env: NimbusEnv, tenantSegment: string, sandboxId: string) =>
  env.NIMBUS_SESSION.get(env.NIMBUS_SESSION.idFromName(`${tenantSegment}:${sandboxId}`))

export async function remoteRpc({ request, url, env, options }: RequestContext, params: Params): Promise<Response> {
  const remote = remoteOptions(options)
  const sandboxId = sessionIdOf(params)
  const auth = await authenticate(request, env, options.auth, { sessionId: sandboxId, scope: SCOPE_SANDBOX_USE })
  if (auth.kind === 'legacy' && !remote.allowLegacy) {
    throw new HttpError(403, 'E_REMOTE_LEGACY_DISABLED', 'The remote sandbox API needs token auth; set sdk.remote.allowLegacy to use it in legacy-public mode')
  }
  let body: unknown
  try {
    body = JSON.parse(await readBodyText(request))
  } catch (e) {
    if (e instanceof HttpError) throw e
    throw new HttpError(400, 'E_INVALID_JSON', 'The body must be JSON: { "method": string, "params": object }')
  }
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw new HttpError(400, 'E_INVALID_JSON', 'The body must be a JSON object: { "method": string, "params": object }')
  }
  const { method, params: rawParams, profile: profileName, root } = body as Record<string, unknown>
  const config = configOf(options)
  const profile = pickProfile(config, profileName, root)
  const reply = (await sandboxStub(env, auth.tenantSegment, sandboxId).rpc({
    sandboxId,
    profile,
    endpoint: config.endpoint ?? url.origin,
    method: typeof method === 'string' ? method : String(method),
    params: decodeWire(rawParams),
  })) as unknown as SandboxReply
  const payload = reply.ok ? { ok: true, result: encodeWire(reply.result) } : { ok: false, error: reply.error, code: reply.code }
  return new Response(JSON.stringify(payload), {
    status: reply.ok ? 200 : reply.status,
    headers: { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' },
  })
}
