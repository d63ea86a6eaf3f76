#!/usr/bin/env node
/**
 * Runs the bash-parity corpus on every engine in engines.mjs and prints the pass rates
 * (overall and per topic). Each topic runs in a child process; when an engine crashes
 * (some run out of memory on `yes | head`), that topic is re-run one case per process
 * and the crashing cases count as failures.
 *
 * Usage: node tests/shell-parity/compare-engines.mjs [--json] [engine ...]
 */
import { spawnSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { normalizeBash } from './cases.mjs'
import { engines, runCorpus } from './engines.mjs'

const self = fileURLToPath(import.meta.url)
const dir = join(dirname(self), 'expected')
const loadCases = (topic) => JSON.parse(readFileSync(join(dir, `${topic}.json`), 'utf8')).cases

async function child(engineName, topic, index) {
  let cases = loadCases(topic)
  if (index !== undefined) cases = [cases[Number(index)]]
  const r = await runCorpus(engines[engineName], cases, { normalize: normalizeBash })
  process.stdout.write(JSON.stringify({ passed: r.passed, total: r.total }) + '\n')
  process.exit(0)
}

function spawnChild(args, timeout) {
  const r = spawnSync(process.execPath, ['--max-old-space-size=1024', self, '--child', ...args], { encoding: 'utf8', timeout })
  const line = (r.stdout ?? '').trim().split('\n').pop()
  try {
    return r.status === 0 ? JSON.parse(line) : undefined
  } catch {
    return undefined
  }
}

/** Pass counts of one engine over the whole corpus. */
export function measureEngine(engineName) {
  const topics = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort()
  let passed = 0
  let total = 0
  const perTopic = {}
  const t0 = performance.now()
  for (const t of topics) {
    let r = spawnChild([engineName, t], 180_000)
    if (!r) {
      const n = loadCases(t).length
      r = { passed: 0, total: n }
      for (let i = 0; i < n; i++) r.passed += spawnChild([engineName, t, String(i)], 30_000)?.passed ?? 0
    }
    passed += r.passed
    total += r.total
    perTopic[t] = `${r.passed}/${r.total}`
  }
  return { engine: engineName, label: engines[engineName].label, passed, total, seconds: (performance.now() - t0) / 1000, perTopic }
}

const argv = process.argv.slice(2)
if (argv[0] === '--child') await child(argv[1], argv[2], argv[3])
else if (process.argv[1] === self) {
  const json = argv.includes('--json')
  const names = argv.filter((a) => a !== '--json')
  for (const name of Object.keys(engines)) {
    if (names.length && !names.includes(name)) continue
    const r = measureEngine(name)
    if (json) console.log(JSON.stringify(r))
    else {
      console.log(`${r.label}: ${r.passed}/${r.total} (${((100 * r.passed) / r.total).toFixed(1)} %) in ${r.seconds.toFixed(1)} s`)
      console.log('  ' + Object.entries(r.perTopic).map(([k, v]) => `${k} ${v}`).join(', '))
    }
  }
}
