/**
 * JavaScript runtime benchmarks, measured for real under `wrangler dev` (workerd with the
 * Worker Loader) against the loopback npm registry of tests/npm-registry. Times are the
 * shell's own wall time for the command inside the Durable Object (ExecResult.durationMs),
 * so HTTP to the dev server is not counted. `npm i zod` uses a zod tarball packed once
 * into .tmp/bench-cache (skipped when it cannot be fetched).
 */
import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { gunzipSync } from 'node:zlib'
import { median } from './_stats.mjs'
import { startRuntimeWorker } from '../../tests/npm-registry/dev-worker.mjs'
import { startRegistry } from '../../tests/npm-registry/server.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

function zodFixture() {
  const dir = join(root, '.tmp', 'bench-cache')
  mkdirSync(dir, { recursive: true })
  let file = readdirSync(dir).find((f) => /^zod-.*\.tgz$/.test(f))
  if (!file) {
    try {
      execFileSync('npm', ['pack', 'zod@3.23.8', '--silent'], { cwd: dir, stdio: 'pipe' })
    } catch {
      return undefined
    }
    file = readdirSync(dir).find((f) => /^zod-.*\.tgz$/.test(f))
  }
  if (!file) return undefined
  const tgz = readFileSync(join(dir, file))
  // The manifest is the package.json inside the tarball.
  const tar = gunzipSync(tgz)
  let manifest
  for (let off = 0; off + 512 <= tar.length; ) {
    const name = tar.subarray(off, off + 100).toString().replace(/\0.*$/s, '')
    const size = parseInt(tar.subarray(off + 124, off + 136).toString().replace(/\0.*$/s, '').trim() || '0', 8)
    if (name === 'package/package.json') {
      manifest = JSON.parse(tar.subarray(off + 512, off + 512 + size).toString())
      break
    }
    off += 512 + Math.ceil(size / 512) * 512
    if (!name) break
  }
  if (!manifest) return undefined
  return { [manifest.version]: { manifest, tgz, integrity: `sha512-${createHash('sha512').update(tgz).digest('base64')}`, shasum: createHash('sha1').update(tgz).digest('hex') } }
}

export default async function bench() {
  const zod = zodFixture()
  const registry = await startRegistry({ extra: zod ? { zod } : {} })
  const dev = await startRuntimeWorker()
  let seq = 0
  const exec = async (box, command) => {
    const r = await fetch(`${dev.origin}/${box}/exec`, { method: 'POST', body: JSON.stringify({ command }) }).then((res) => res.json())
    if (r.exitCode !== 0) throw new Error(`${command} failed: ${r.stderr}`)
    return r.durationMs
  }
  const put = (box, path, body) => fetch(`${dev.origin}/${box}/file?path=${encodeURIComponent(path)}`, { method: 'PUT', body })
  const clear = (r2) => fetch(`${dev.origin}/_/clear-npm-cache?r2=${r2 ? 1 : 0}`, { method: 'POST' })
  const results = []
  const row = (name, target, times, notes) => results.push({ area: 'node', name, target, medianMs: Math.round(median(times) * 10) / 10, runs: times.length, ...(notes ? { notes } : {}) })
  try {
    const box = 'bench'
    await exec(box, 'node -e "console.log(1)"')
    const warm = []
    for (let i = 0; i < 15; i++) warm.push(await exec(box, 'node -e "console.log(1)"'))
    row('node -e "console.log(1)" warm', '≤ 30 ms', warm, 'same program: the isolate is reused by content hash')
    const cold = []
    for (let i = 0; i < 9; i++) cold.push(await exec(box, `node -e "console.log(${Date.now()}${i})"`))
    row('node -e "console.log(1)" cold', '≤ 300 ms', cold, 'a new program each run: a new Loader isolate')

    const npm = async (pkg, r2) => {
      const times = []
      for (let i = 0; i < 7; i++) {
        const b = `npm-${pkg}-${r2 ? 'warm' : 'cold'}-${++seq}-${Date.now()}`
        await put(b, '/home/user/.npmrc', `registry=${registry.url}\n`)
        await exec(b, 'mkdir app')
        if (r2) {
          await clear(false)
        } else await clear(true)
        times.push(await exec(b, `cd app && npm i ${pkg}`))
        if (r2 === false && i === 0) await clear(true)
      }
      return times
    }
    row('npm i left-pad cold', '≤ 300 ms', await npm('left-pad', false), 'memory and R2 caches emptied: packument and tarball from the loopback registry')
    await exec(`prime-${Date.now()}`, `echo registry=${registry.url} > .npmrc && mkdir p && cd p && npm i left-pad`)
    row('npm i left-pad warm (R2 hit)', '≤ 50 ms', await npm('left-pad', true), 'memory cache emptied, R2 buckets warm')
    if (zod) row('npm i zod cold', '≤ 2 s', await npm('zod', false), `zod ${Object.keys(zod)[0]} tarball packed once into .tmp/bench-cache`)

    const lines = []
    for (let i = 0; i < 200; i++) {
      lines.push(`export interface Item${i} { id: number; name: string; tags?: string[] }`)
      lines.push(`export function make${i}(id: number, name: string): Item${i} {`)
      lines.push(`  const tags: string[] = [name.toUpperCase(), String(id * ${i})]`)
      lines.push(`  return { id, name, tags } as Item${i}`)
      lines.push('}')
    }
    const ts = lines.join('\n')
    const transform = () => fetch(`${dev.origin}/_/transform`, { method: 'POST', body: ts }).then((r) => r.json())
    const series = async (n) => {
      const around = []
      const inside = []
      for (let i = 0; i < n; i++) {
        const r = await transform()
        around.push(r.ms)
        inside.push(r.isolateMs)
      }
      return { around, inside }
    }
    const ms = (times) => Math.round(median(times))
    const first = await series(1)
    row('esbuild transform, 1,000-line TS, first call', '—', first.around, 'a new esbuild isolate: fetching the wasm from the assets, compiling it, esbuild.initialize, then the transform')
    await series(1)
    const early = await series(15)
    row('esbuild transform, 1,000-line TS, warm', '≤ 50 ms', early.around, `esbuild-wasm in its own Loader isolate, calls 3–17 after it started; time measured in the Worker around the RPC (esbuild's own time inside the isolate: median ${ms(early.inside)} ms)`)
    // V8 runs new wasm code on its baseline compiler and recompiles hot functions with the
    // optimising one in the background: the same isolate gets faster as it keeps working.
    await series(40)
    const tiered = await series(15)
    // The whole path a person sees: the file changed, so it is bundled again (resolution and
    // loading through the Durable Object), then run in a new isolate (its content changed).
    const edits = []
    for (let i = 0; i < 9; i++) {
      await put(box, '/home/user/big.ts', `${ts}\nconsole.log(make1(${i}, 'x').id)\n`)
      edits.push(await exec(box, 'node big.ts'))
    }
    row('node big.ts: 1,000-line TS edited before each run', '—', edits, 'bundled again by esbuild (after the transforms above) and run in a new isolate')
    row('esbuild transform, 1,000-line TS, steady state', '≤ 50 ms', tiered.around, `the same isolate after 57 transforms, once V8 has optimised the hot wasm functions (inside the isolate: median ${ms(tiered.inside)} ms)`)
  } finally {
    await dev.stop()
    await registry.close()
  }
  return results
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(await bench())
