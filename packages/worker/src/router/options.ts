/** What `createNimbusHandler(options)` accepts (spec 000, "Composable API"). */
import type { NimbusConfig } from '@nimbus-sh/config'
import type { NimbusEnv } from '../session/env.js'
import type { AuthOptions } from './auth.js'

export interface SessionHookContext {
  sessionId: string
  /** `${tn}:${sub || '_'}` from the token, or `legacy:public:_`. */
  tenantSegment: string
  request: Request
}

export interface NimbusHooks {
  /** The first screen attached to a sandbox's terminal while none was. */
  onSessionStart?: (ctx: SessionHookContext) => void | Promise<void>
  /** The last attached screen left; `request` is rebuilt from the attach URL only. */
  onSessionEnd?: (ctx: SessionHookContext) => void | Promise<void>
}

export type CustomRoutes<E extends NimbusEnv = NimbusEnv> = (
  request: Request,
  env: E,
  ctx: ExecutionContext,
) => Response | null | Promise<Response | null>

export interface RemoteSdkOptions {
  enabled?: boolean
  basePath?: string
  allowLegacy?: boolean
}

export interface NimbusHandlerOptions<E extends NimbusEnv = NimbusEnv> {
  auth?: AuthOptions
  hooks?: NimbusHooks
  routes?: CustomRoutes<E>
  sdk?: {
    remote?: boolean | RemoteSdkOptions
    config?: NimbusConfig
  }
}

/** Largest request body the router accepts (8 MiB); bigger bodies get 413. */
export const MAX_BODY_BYTES = 8 * 1024 * 1024
