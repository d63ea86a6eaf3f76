#!/usr/bin/env node
/**
 * Runs the bash-parity corpus on every engine in engines.mjs and prints the pass rates
 * (overall and per topic). Each topic runs in a child process; when an engine crashes or
 * hangs on a case (some run out of memory on `yes | head`), that case fails and a new
 * child continues with the next one.
 *
 * Usage: node tests/shell-parity/compare-engines.mjs [--json] [engine ...]
 */
import { runJsonLinesChild } from '../../scripts/lib/json-lines-child.mjs'
import { readdirSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { normalizeBash } from './cases.mjs'
import { engines, runCorpus } from './engines.mjs'

const self = fileURLToPath(import.meta.url)
const dir = join(dirname(self), 'expected')
const loadCases = (topic) => JSON.parse(readFileSync(join(dir, `${topic}.json`), 'utf8')).cases

async function child(engineName, topic, from) {
  const cases = loadCases(topic)
  for (let i = Number(from ?? 0); i < cases.length; i++) {
    const r = await runCorpus(engines[engineName], [cases[i]], { normalize: normalizeBash })
    process.stdout.write(JSON.stringify({ i, pass: r.passed === 1 }) + '\n')
  }
  process.exit(0)
}

/** Runs one child from case `from`; resolves with the last case it reported before ending or going quiet. */
async function runChild(engineName, topic, from, results) {
  let last = from - 1
  // A case that reports nothing for 10 s is hung.
  await runJsonLinesChild(['--max-old-space-size=1024', self, '--child', engineName, topic, String(from)], {
    quietMs: 10_000,
    onRecord: ({ i, pass }) => {
      results[i] = pass
      last = i
    },
  })
  return last
}

/** Runs a topic in child processes; a crash or hang fails that case and resumes after it. */
async function runTopic(engineName, topic) {
  const n = loadCases(topic).length
  const results = new Array(n).fill(false)
  let next = 0
  while (next < n) {
    const last = await runChild(engineName, topic, next, results)
    next = last + 2
  }
  return { passed: results.filter(Boolean).length, total: n }
}

/** Pass counts of one engine over the whole corpus. */
export async function measureEngine(engineName) {
  const topics = readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => f.replace(/\.json$/, '')).sort()
  let passed = 0
  let total = 0
  const perTopic = {}
  const t0 = performance.now()
  for (const t of topics) {
    const r = await runTopic(engineName, t)
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
    const r = await measureEngine(name)
    if (json) console.log(JSON.stringify(r))
    else {
      console.log(`${r.label}: ${r.passed}/${r.total} (${((100 * r.passed) / r.total).toFixed(1)} %) in ${r.seconds.toFixed(1)} s`)
      console.log('  ' + Object.entries(r.perTopic).map(([k, v]) => `${k} ${v}`).join(', '))
    }
  }
}
