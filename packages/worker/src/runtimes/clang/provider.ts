/** The C/C++ toolchain in the runtime registry: installing loads the toolchain and starts its compiler isolate. */
import { bindingsOf } from '../python/provider.js'
import { isolateIsWarm, runInIsolate } from '../python/run.js'
import { registerRuntime } from '../registry.js'
import { CLANG_SPEC } from './isolate.js'

registerRuntime({
  id: 'clang',
  async install(ctx) {
    const outcome = await runInIsolate(ctx.fs, bindingsOf(ctx.env), CLANG_SPEC, { mode: 'code', target: 'clang', argv: ['--version'], cwd: '/', env: {}, stdin: new Uint8Array() })
    if (outcome.exitCode !== 0) throw new Error(new TextDecoder().decode(outcome.stderr) || `exit ${outcome.exitCode}`)
  },
  isInstalled(ctx) {
    return isolateIsWarm(ctx.fs, CLANG_SPEC)
  },
})
