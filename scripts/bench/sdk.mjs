/**
 * Sandbox SDK figures under `wrangler dev`: exec over DO RPC from inside the Worker, over
 * HTTP from this process on loopback (`Nimbus.connect`), a new sandbox's first exec,
 * writing and reading 1,000 files, and following the logs of a process that prints
 * 100,000 lines (every line must arrive). Uses the built SDK (`packages/sdk/dist`).
 */
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startWranglerDev } from '../lib/wrangler-dev.mjs'
import { measure } from './_stats.mjs'

const here = dirname(fileURLToPath(import.meta.url))

export default async function bench() {
  const { Nimbus } = await import('../../packages/sdk/dist/sandbox.js')
  const dev = await startWranglerDev({ config: join(here, 'sdk-worker/wrangler.jsonc'), readyPath: '/api/health' })
  try {
    const inside = async (path) => {
      const res = await fetch(`${dev.origin}${path}?run=${Date.now()}`)
      if (!res.ok) throw new Error(`${path}: HTTP ${res.status} ${await res.text()}`)
      return res.json()
    }
    const rows = []
    const exec = await inside('/bench/exec')
    rows.push({ area: 'sdk', name: "exec('echo hi') via Nimbus.fromEnv (DO RPC)", target: '≤ 3 ms', ...exec, notes: 'timed inside the Worker (workerd clock)' })

    const nimbus = Nimbus.connect({ endpoint: dev.origin })
    const box = nimbus.sandbox(`remote-${Date.now()}`)
    const remote = await measure(async () => {
      const r = await box.exec('echo hi')
      if (r.stdout !== 'hi\n') throw new Error('bad output')
    }, { runs: 40, warmup: 5 })
    // What any request costs through wrangler dev's local proxy, for comparison.
    const baseline = await measure(async () => {
      await (await fetch(`${dev.origin}/api/none`)).arrayBuffer()
    }, { runs: 40, warmup: 5 })
    rows.push({
      area: 'sdk',
      name: "exec('echo hi') via Nimbus.connect (HTTP, loopback)",
      target: '≤ 10 ms',
      ...remote,
      notes: `wall time from Node through wrangler dev; a bare 404 through the same dev server takes ${baseline.medianMs.toFixed(1)} ms`,
    })

    const fresh = await inside('/bench/new-sandbox')
    rows.push({ area: 'sdk', name: 'new sandbox → first exec result', target: '≤ 40 ms', ...fresh, notes: 'a new Durable Object each run, timed inside the Worker' })

    const files = await inside('/bench/files-1000')
    rows.push({ area: 'sdk', name: 'write + read 1,000 files via the SDK', target: '≤ 500 ms', ...files, notes: '1,000 concurrent writes, then 1,000 reads, over DO RPC' })

    const follower = nimbus.sandbox(`logs-${Date.now()}`)
    const t0 = performance.now()
    const proc = await follower.startProcess('seq 100000')
    let text = ''
    for await (const page of follower.processes.follow(proc.pid, { intervalMs: 20 })) text += page.text
    const ms = performance.now() - t0
    const lines = text.split('\n').filter(Boolean)
    const intact = lines.length === 100000 && lines.every((l, i) => l === String(i + 1))
    if (!intact) throw new Error(`logs lost lines: got ${lines.length} of 100000`)
    rows.push({ area: 'sdk', name: 'follow logs of a process printing 100,000 lines', target: 'loses none', medianMs: ms, runs: 1, notes: `${lines.length} of 100,000 lines, in order, via Nimbus.connect` })
    return rows
  } finally {
    await dev.stop()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.table(await bench())
}
