/**
 * node, bun and npm in the runtime registry. They need no download of their own beyond
 * esbuild's wasm: installing checks the Worker Loader is bound and warms the esbuild
 * isolate (loading its assets), so the first TypeScript run afterwards starts warm. A
 * missing binding or asset fails the install with the reason.
 */
import { esbuild } from '../esbuild/service.js'
import { registerRuntime, type RuntimeContext } from '../registry.js'
import { runtimeHostFromEnv, type RuntimeEnv, type RuntimeHost } from './host.js'

let warmed = false

const hostOf = (ctx: RuntimeContext): RuntimeHost => {
  const host = runtimeHostFromEnv(ctx.env as RuntimeEnv)
  if (!host) throw new Error('the JavaScript runtime needs the Worker Loader: bind LOADER (worker_loaders) in the Worker that hosts the sandbox')
  return host
}

async function installJs(ctx: RuntimeContext): Promise<void> {
  const host = hostOf(ctx)
  await esbuild(host).transform('export const ok: boolean = true', { loader: 'ts' })
  warmed = true
}
const installedJs = (ctx: RuntimeContext): boolean => warmed && runtimeHostFromEnv(ctx.env as RuntimeEnv) !== undefined

registerRuntime({ id: 'node', install: installJs, isInstalled: installedJs })
registerRuntime({ id: 'bun', install: installJs, isInstalled: installedJs })
registerRuntime({ id: 'npm', install: installJs, isInstalled: installedJs })
