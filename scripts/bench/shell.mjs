/**
 * Shell engine figures, side by side in one run: this repository's shell, just-bash and
 * @lifo-sh/core on the same scripts (fresh sandbox per run; set-up such as writing the
 * input files is not timed). Also the bash-parity pass rate of each engine.
 */
import { dirname, join } from 'node:path'
import { spawnSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { median } from './_stats.mjs'
import { runJsonLinesChild } from '../lib/json-lines-child.mjs'
import { engines } from '../../tests/shell-parity/engines.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '../..')

const words = ['alpha', 'beta', 'gamma', 'delta', 'epsilon', 'zeta', 'eta', 'theta', 'iota', 'kappa']
const sortInput = Array.from({ length: 100_000 }, (_, i) => `${words[(i * 7) % 10]}-${(i * 31) % 997}`).join('\n') + '\n'
const tree = {}
for (let d = 0; d < 20; d++) for (let f = 0; f < 100; f++) tree[`src/d${d}/f${f}.txt`] = `line one\n${f % 10 === 0 ? 'a needle here\n' : 'nothing\n'}`

const BENCHES = [
  { id: 'arith', name: '10,000-iteration arithmetic loop', script: 's=0; for ((i=0; i<10000; i++)); do s=$((s+i)); done; echo $s', files: {}, runs: 11 },
  { id: 'sort', name: '`sort | uniq -c | sort -rn | head` over 100,000 lines', script: 'sort data.txt | uniq -c | sort -rn | head', files: { 'data.txt': sortInput }, runs: 11 },
  { id: 'find', name: '`find` + `grep -r` over 2,000 files', script: "find src -name '*.txt' | wc -l; grep -r needle src | wc -l", files: tree, runs: 11 },
  { id: 'append', name: '1,000 `echo` appends', script: 'for ((i=0; i<1000; i++)); do echo "line $i" >> out.txt; done; wc -l < out.txt', files: {}, runs: 11 },
]

async function timeScript(engine, b) {
  const times = []
  let output
  for (let i = 0; i < b.runs + 1; i++) {
    const sb = await engine.create(b.files)
    const t0 = performance.now()
    const r = await sb.exec(b.script)
    const ms = performance.now() - t0
    if (i > 0) times.push(ms)
    output = r.stdout.replace(/\s+/g, ' ').trim()
  }
  return { medianMs: median(times), runs: times.length, output }
}

async function warmEcho(engine) {
  const sb = await engine.create({})
  for (let i = 0; i < 20; i++) await sb.exec('echo hi')
  const times = []
  for (let i = 0; i < 200; i++) {
    const t0 = performance.now()
    await sb.exec('echo hi')
    times.push(performance.now() - t0)
  }
  return { medianMs: median(times), runs: times.length }
}

/** Runs one engine's benchmarks in this process and prints them as JSON (child mode). */
async function runEngine(key) {
  const engine = engines[key]
  const out = {}
  for (const b of BENCHES) {
    try {
      out[b.id] = await timeScript(engine, b)
    } catch (e) {
      out[b.id] = { error: String(e) }
    }
    process.stdout.write(JSON.stringify({ id: b.id, result: out[b.id] }) + '\n')
  }
  out.echo = await warmEcho(engine)
  process.stdout.write(JSON.stringify({ id: 'echo', result: out.echo }) + '\n')
}

/** Each engine runs in a child process: one that hangs (20 s without a result) cannot stall the run. */
async function engineResults(key) {
  const results = {}
  const { code, hung } = await runJsonLinesChild([fileURLToPath(import.meta.url), '--engine', key], {
    quietMs: 20_000,
    onRecord: ({ id, result }) => (results[id] = result),
  })
  for (const b of [...BENCHES, { id: 'echo' }]) results[b.id] ??= { error: hung ? 'no result within 20 s (hung)' : `exited with ${code}` }
  return results
}

export default async function bench() {
  const rows = []
  const results = {}
  for (const key of Object.keys(engines)) results[key] = await engineResults(key)
  const expected = results.nimbus
  for (const b of [...BENCHES, { id: 'echo', name: "warm `exec('echo hi')`" }]) {
    for (const [key, engine] of Object.entries(engines)) {
      const r = results[key][b.id]
      if (r.error) {
        rows.push({ area: 'shell', name: `${b.name} — ${engine.label}`, target: '', medianMs: NaN, runs: 0, notes: `failed: ${r.error.slice(0, 80)}` })
        continue
      }
      const base = results['just-bash'][b.id]
      let target = ''
      let notes = ''
      if (key === 'nimbus') {
        target = b.id === 'echo' ? '≤ 3 ms' : '≥ 2× faster than just-bash'
        if (base && !base.error) notes = `${(base.medianMs / r.medianMs).toFixed(1)}× just-bash`
      }
      if (b.id !== 'echo' && r.output !== expected[b.id]?.output) notes += `${notes ? '; ' : ''}output differs: ${r.output.slice(0, 60)}`
      rows.push({ area: 'shell', name: `${b.name} — ${engine.label}`, target, medianMs: r.medianMs, runs: r.runs, ...(notes ? { notes } : {}) })
    }
  }
  // Parity: each engine on the committed corpus (child processes guard against crashes).
  for (const key of ['nimbus', 'just-bash']) {
    const r = spawnSync(process.execPath, [join(root, 'tests/shell-parity/compare-engines.mjs'), '--json', key], { encoding: 'utf8', timeout: 300_000 })
    const line = (r.stdout ?? '').trim().split('\n').pop()
    if (!line) continue
    const p = JSON.parse(line)
    rows.push({
      area: 'shell', name: `bash-parity corpus — ${p.label}`, target: key === 'nimbus' ? '≥ 97 %' : '', medianMs: p.seconds * 1000, runs: 1,
      notes: `${p.passed}/${p.total} cases pass (${((100 * p.passed) / p.total).toFixed(1)} %)`,
    })
  }
  return rows
}

if (process.argv[1] === fileURLToPath(import.meta.url) && process.argv[2] === '--engine') {
  await runEngine(process.argv[3])
  process.exit(0)
} else if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const rows = await bench()
  for (const r of rows) console.log(`${r.name.padEnd(80)} ${Number.isNaN(r.medianMs) ? 'n/a' : r.medianMs.toFixed(2).padStart(10)} ms  ${r.notes ?? ''}`)
  process.exit(0)
}
