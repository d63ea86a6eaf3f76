/** Ruby in the runtime registry: installing loads ruby.wasm and boots the sandbox's interpreter. */
import { bindingsOf } from '../python/provider.js'
import { isolateIsWarm, runInIsolate } from '../python/run.js'
import { registerRuntime } from '../registry.js'
import { RUBY_SPEC } from './isolate.js'

registerRuntime({
  id: 'ruby',
  async install(ctx) {
    const outcome = await runInIsolate(ctx.fs, bindingsOf(ctx.env), RUBY_SPEC, { mode: 'code', target: 'nil', argv: [], cwd: '/', env: {}, stdin: new Uint8Array() })
    if (outcome.exitCode !== 0) throw new Error(new TextDecoder().decode(outcome.stderr) || `exit ${outcome.exitCode}`)
  },
  isInstalled(ctx) {
    return isolateIsWarm(ctx.fs, RUBY_SPEC)
  },
})
