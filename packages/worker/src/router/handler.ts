/**
 * `createNimbusHandler(options)`: the Worker's fetch handler. The embedder's `routes`
 * run first; then the Nimbus route table below, read top to bottom.
 */
import type { NimbusEnv } from '../session/env.js'
import { newSession, servePage, terminalPage, terminalSocket, trailingSlash, type RequestContext } from './handlers.js'
import { HttpError, errorResponse } from './http-error.js'
import { MAX_BODY_BYTES, type NimbusHandlerOptions } from './options.js'
import { portRequest, portTrailingSlash } from './ports.js'
import { registerHooks } from './hook-registry.js'
import { route, type Route } from './route.js'
import { remoteOptions, remoteRpc } from './sandbox-rpc.js'

export const routes: Route<RequestContext>[] = [
  route('GET', '/new', newSession),
  route('GET', '/s/:id', trailingSlash),
  route('GET', '/s/:id/', terminalPage),
  route('GET', '/s/:id/ws', terminalSocket),
  route('*', '/s/:id/port/:port', portTrailingSlash),
  route('*', '/s/:id/port/:port/*', portRequest),
]

/** The remote sandbox route, when `sdk.remote` turns it on (its base path is configurable). */
function sdkRoutes(options: NimbusHandlerOptions): Route<RequestContext>[] {
  const remote = remoteOptions(options)
  return remote.enabled ? [route('POST', `${remote.basePath}/sandboxes/:id/rpc`, remoteRpc)] : []
}

export interface NimbusHandler<E extends NimbusEnv = NimbusEnv> {
  fetch(request: Request, env: E, ctx: ExecutionContext): Promise<Response>
}

function checkBodySize(request: Request): void {
  const length = Number(request.headers.get('content-length') ?? '0')
  if (length > MAX_BODY_BYTES) {
    throw new HttpError(413, 'E_BODY_TOO_LARGE', `Request bodies are limited to ${MAX_BODY_BYTES} bytes`)
  }
}

export function createNimbusHandler<E extends NimbusEnv = NimbusEnv>(options: NimbusHandlerOptions<E> = {}): NimbusHandler<E> {
  const handlerId = registerHooks(options.hooks)
  const table = [...sdkRoutes(options as NimbusHandlerOptions), ...routes]
  return {
    async fetch(request, env, ctx) {
      try {
        if (options.routes) {
          const custom = await options.routes(request, env, ctx)
          if (custom) return custom
        }
        checkBodySize(request)
        const url = new URL(request.url)
        const rc: RequestContext = { request, url, env, ctx, options: options as NimbusHandlerOptions, handlerId }
        for (const r of table) {
          const params = r.match(request.method, url.pathname)
          if (params) return await r.handler(rc, params)
        }
        if (url.pathname.startsWith('/api/') || url.pathname.startsWith('/s/')) {
          throw new HttpError(404, 'E_NOT_FOUND', `No route for ${request.method} ${url.pathname}`)
        }
        if (url.pathname === '/') return await servePage(env, url, '/')
        if (env.ASSETS) return await env.ASSETS.fetch(request)
        throw new HttpError(404, 'E_NOT_FOUND', `No route for ${request.method} ${url.pathname}`)
      } catch (err) {
        return errorResponse(err)
      }
    },
  }
}
