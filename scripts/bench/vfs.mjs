/**
 * VFS figures inside workerd: each operation runs in a Durable Object over its SQLite
 * and is timed there (workerd's clock, millisecond steps); the notes give the wall time
 * of the whole HTTP request (set-up, clean-up and loopback included) for comparison.
 */
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { startWranglerDev } from '../lib/wrangler-dev.mjs'
import { median } from './_stats.mjs'

const here = dirname(fileURLToPath(import.meta.url))

export default async function bench() {
  const dev = await startWranglerDev({ config: join(here, 'vfs-worker/wrangler.jsonc') })
  try {
    const cases = [
      ['write-read-1mib', 'write + read 1 MiB', '≤ 20 ms'],
      ['create-1000', 'create 1,000 small files', '≤ 200 ms'],
      ['ls-1000', 'list 1,000 files with their stats (`ls -l`)', '≤ 20 ms'],
    ]
    const rows = []
    for (const [op, name, target] of cases) {
      const wall = []
      const inside = []
      for (let i = 0; i < 12; i++) {
        const t0 = performance.now()
        const res = await fetch(`${dev.origin}/${op}`)
        if (!res.ok) throw new Error(`${op}: HTTP ${res.status} ${await res.text()}`)
        const body = await res.json()
        if (i >= 2) {
          wall.push(performance.now() - t0)
          inside.push(body.insideMs)
        }
      }
      rows.push({ area: 'vfs', name, target, medianMs: median(inside), runs: inside.length, notes: `in the DO (workerd SQLite); whole request ${median(wall).toFixed(0)} ms` })
    }
    return rows
  } finally {
    await dev.stop()
  }
}
