/** The esbuild isolate's entry module (plain JS, shipped to the Worker Loader as text). */
export const ESBUILD_ISOLATE_MAIN = `
import { WorkerEntrypoint } from 'cloudflare:workers'
import * as esbuild from './esbuild.js'
import wasmModule from './esbuild.wasm'

let ready
const init = () => (ready ??= esbuild.initialize({ wasmModule, worker: false }))
const text = (m) => (m.location ? m.location.file + ':' + m.location.line + ':' + m.location.column + ': ' : '') + m.text

export default class EsbuildService extends WorkerEntrypoint {
  async transform(code, opts) {
    await init()
    // Time inside the isolate (the clock moves across the wasm's async steps), so callers
    // can tell esbuild's own work from the RPC around it.
    const t0 = Date.now()
    const r = await esbuild.transform(code, { loader: opts.loader, format: opts.format, sourcefile: opts.sourcefile, target: 'es2022', logLevel: 'silent' })
    return { code: r.code, ms: Date.now() - t0 }
  }
  async bundle(req, host) {
    await init()
    const plugin = {
      name: 'nimbus-vfs',
      setup(b) {
        b.onResolve({ filter: /.*/ }, async (a) => {
          const r = await host.resolve(a.path, a.importer, a.resolveDir, a.kind)
          if (r.error) return { errors: [{ text: r.error }] }
          return r.namespace === 'missing' ? { path: a.path, namespace: 'missing', pluginData: { importer: a.importer, kind: a.kind } } : { path: r.path, external: r.external === true }
        })
        b.onLoad({ filter: /.*/, namespace: 'file' }, async (a) => host.load(a.path))
        b.onLoad({ filter: /.*/, namespace: 'missing' }, (a) => ({
          contents: 'var e = new Error(' + JSON.stringify("Cannot find module '" + a.path + "'\\nRequire stack:\\n- " + a.pluginData.importer) + '); e.code = "MODULE_NOT_FOUND"; e.requireStack = ' + JSON.stringify([a.pluginData.importer]) + '; throw e;',
          loader: 'js',
        }))
      },
    }
    try {
      const r = await esbuild.build({
        ...(req.entry ? { entryPoints: [req.entry] } : { stdin: req.stdin }),
        bundle: true,
        write: false,
        format: 'esm',
        platform: 'node',
        target: 'es2022',
        logLevel: 'silent',
        define: req.define,
        plugins: [plugin],
      })
      return { code: r.outputFiles[0].text, errors: [] }
    } catch (e) {
      return { errors: (e.errors ?? [{ text: String(e.message ?? e) }]).map(text) }
    }
  }
}
`
