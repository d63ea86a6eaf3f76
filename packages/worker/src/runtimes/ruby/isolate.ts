/** The Ruby isolate's modules and Loader id (see ../python/isolate.ts for how they run). */
import { loadRuntimeAsset, loadRuntimeText } from '../assets/load.js'
import type { IsolateSpec } from '../python/isolate.js'
import { RUBY_ASSETS, RUBY_PACKAGE_VERSION, RUBY_VERSION } from './assets.js'
import { addLoopBudget } from '../wasi/loop-budget.js'

export const RUBY_SPEC: IsolateSpec = {
  runtime: 'ruby',
  idOf: (sandboxKey, generation) => `nimbus-ruby/${RUBY_VERSION}-${RUBY_PACKAGE_VERSION}/${sandboxKey}/${generation}`,
  async loadModules(env) {
    const [js, wasm] = await Promise.all([loadRuntimeText(env, 'ruby', RUBY_ASSETS.isolateJs), loadRuntimeAsset(env, 'ruby', RUBY_ASSETS.wasm)])
    // A loop budget lets a runaway Ruby program end at its time limit (see loop-budget.ts).
    const budgeted = addLoopBudget(new Uint8Array(wasm))
    return { 'main.js': { js }, 'ruby.wasm': { wasm: budgeted.instrumented ? budgeted.binary.slice().buffer : wasm } }
  },
  graceMs: 5_000,
}
