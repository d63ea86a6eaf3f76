/**
 * How a sandbox handle reaches its Durable Object: DO RPC over the `NIMBUS_SESSION`
 * binding (inside the Worker that embeds Nimbus) or HTTP to the remote route (anywhere).
 * Both deliver `{ method, params }` and turn a failure reply into a typed error.
 */
import type { NimbusSandboxProfile } from '@nimbus-sh/config'
import { NimbusRemoteError, NimbusSandboxError } from './errors.js'
import { decodeWire, encodeWire } from './wire.js'

export interface SandboxTarget {
  sandboxId: string
  /** `${tenant}:${subject || '_'}`, the tenant part of the Durable Object's name. */
  tenantSegment: string
  profileName: string
  profile: NimbusSandboxProfile
  /** A narrower root than the profile's, when the caller asked for one. */
  root?: string
  endpoint?: string
}

export interface SandboxTransport {
  call(target: SandboxTarget, method: string, params: unknown): Promise<unknown>
  /** The error this transport throws for a failure reply (used for the parts of a batch). */
  error(reply: { error: string; code: string; status: number }): Error
}

type Reply = { ok: true; result: unknown } | { ok: false; error: string; code: string; status: number }

/** The part of a `DurableObjectNamespace<NimbusSession>` the SDK uses. */
export interface SandboxNamespace {
  idFromName(name: string): unknown
  get(id: never): { rpc(call: { sandboxId: string; profile: NimbusSandboxProfile; endpoint?: string; method: string; params?: unknown }): Promise<unknown> }
}

export function durableObjectTransport(namespace: SandboxNamespace): SandboxTransport {
  return {
    async call(t, method, params) {
      const stub = namespace.get(namespace.idFromName(`${t.tenantSegment}:${t.sandboxId}`) as never)
      const profile = t.root === undefined ? t.profile : { ...t.profile, root: t.root }
      let reply: Reply
      try {
        reply = (await stub.rpc({ sandboxId: t.sandboxId, profile, ...(t.endpoint !== undefined && { endpoint: t.endpoint }), method, params })) as Reply
      } catch (e) {
        // The object itself failed (reset, overloaded): not an answer from the sandbox.
        throw new NimbusSandboxError('E_SANDBOX_UNAVAILABLE', `sandbox ${t.sandboxId} did not answer: ${e instanceof Error ? e.message : String(e)}`, 503)
      }
      if (!reply.ok) throw new NimbusSandboxError(reply.code, reply.error, reply.status)
      return reply.result
    },
    error: (r) => new NimbusSandboxError(r.code, r.error, r.status),
  }
}

export interface HttpTransportOptions {
  endpoint: string
  token?: string | (() => string | Promise<string>)
  basePath?: string
  fetch?: typeof fetch
}

export function httpTransport({ endpoint, token, basePath = '/api/nimbus/v1', fetch: doFetch = globalThis.fetch }: HttpTransportOptions): SandboxTransport {
  const base = `${endpoint.replace(/\/+$/, '')}/${basePath.replace(/^\/+|\/+$/g, '')}`
  return {
    async call(t, method, params) {
      const headers: Record<string, string> = { 'content-type': 'application/json' }
      const bearer = typeof token === 'function' ? await token() : token
      if (bearer) headers.authorization = `Bearer ${bearer}`
      const body = JSON.stringify(encodeWire({ method, params, profile: t.profileName, ...(t.root !== undefined && { root: t.root }) }))
      let res: Response
      try {
        res = await doFetch(`${base}/sandboxes/${encodeURIComponent(t.sandboxId)}/rpc`, { method: 'POST', headers, body })
      } catch (e) {
        // No HTTP answer at all: status 0, as browsers report a network failure.
        throw new NimbusRemoteError('E_NETWORK', `${base}: ${e instanceof Error ? e.message : String(e)}`, 0)
      }
      const text = await res.text()
      let reply: unknown
      try {
        reply = JSON.parse(text)
      } catch {
        throw new NimbusRemoteError('E_BAD_RESPONSE', `HTTP ${res.status}: the response is not JSON: ${text.slice(0, 200)}`, res.status)
      }
      const r = reply as { ok?: unknown; result?: unknown; error?: unknown; code?: unknown }
      if (r.ok === true && res.ok) return decodeWire(r.result)
      throw new NimbusRemoteError(typeof r.code === 'string' ? r.code : 'E_HTTP', typeof r.error === 'string' ? r.error : `HTTP ${res.status}`, res.status)
    },
    error: (r) => new NimbusRemoteError(r.code, r.error, r.status),
  }
}
