/**
 * Python in the runtime registry, so `box.runtimes.install('python')`, `ensure` and
 * `runCode(…, { install: 'ifMissing' })` work: installing loads the pyodide assets (the R2
 * cache first, then the bundled assets) and boots the sandbox's interpreter, so the first
 * program after an install starts warm. A failed download fails the install with the
 * runtime, the asset and the reason; nothing is recorded, so installing again retries.
 */
import { registerRuntime, type RuntimeContext } from '../registry.js'
import type { RuntimeBindings } from '../assets/env.js'
import { pythonIsWarm, warmPython } from './run.js'

/** The bindings a provider needs, picked from the Durable Object's env. */
export const bindingsOf = (env: RuntimeContext['env']): RuntimeBindings => ({
  LOADER: env.LOADER,
  ...(env.ASSETS ? { ASSETS: env.ASSETS as RuntimeBindings['ASSETS'] } : {}),
  ...(env.NIMBUS_RUNTIME_CACHE ? { NIMBUS_RUNTIME_CACHE: env.NIMBUS_RUNTIME_CACHE as RuntimeBindings['NIMBUS_RUNTIME_CACHE'] } : {}),
})

registerRuntime({
  id: 'python',
  async install(ctx) {
    await warmPython(ctx.fs, bindingsOf(ctx.env))
  },
  isInstalled(ctx) {
    return pythonIsWarm(ctx.fs)
  },
})
