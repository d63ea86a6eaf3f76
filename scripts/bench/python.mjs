/**
 * Python and Ruby figures, through a real session Durable Object under `wrangler dev`
 * (the tests' Worker, with LOADER, ASSETS and an R2 runtime cache): the first
 * `python -c "print(1)"` in a fresh sandbox (a new Durable Object, so a new isolate
 * booted from the pyodide assets and memory snapshot), the same command warm, and
 * `ruby -e` warm. Each figure is the Durable Object's own exec time for the command line.
 */
import { cpus, loadavg } from 'node:os'
import { startPythonWorker } from '../../tests/python/dev-worker.mjs'
import { median } from './_stats.mjs'

async function timed(dev, sandbox, command, expected) {
  const r = await dev.exec(sandbox, command)
  if (r.exitCode !== 0 || r.stdout !== expected) throw new Error(`${command} in ${sandbox}: exit ${r.exitCode}, stdout ${JSON.stringify(r.stdout)}, stderr ${r.stderr}`)
  return r.durationMs
}

export default async function bench() {
  const dev = await startPythonWorker()
  const tag = `${process.pid}-${Date.now().toString(36)}`
  try {
    // Warm the Worker itself (bundle, Durable Object class) outside the figures.
    await timed(dev, `warmup-${tag}`, 'echo ok', 'ok\n')
    const first = []
    for (let i = 0; i < 5; i++) first.push(await timed(dev, `first-${tag}-${i}`, 'python -c "print(1)"', '1\n'))
    const warmBox = `warm-${tag}`
    await timed(dev, warmBox, 'python -c "print(1)"', '1\n')
    const warm = []
    for (let i = 0; i < 15; i++) warm.push(await timed(dev, warmBox, 'python -c "print(1)"', '1\n'))
    const rubyBox = `ruby-${tag}`
    const rubyFirst = await timed(dev, rubyBox, 'ruby -e "puts 1"', '1\n')
    const ruby = []
    for (let i = 0; i < 15; i++) ruby.push(await timed(dev, rubyBox, 'ruby -e "puts 1"', '1\n'))
    const load = `load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores`
    return [
      { area: 'python', name: 'python -c "print(1)", first run in a sandbox', target: '≤ 2.5 s', medianMs: median(first), runs: first.length, notes: `new Durable Object and isolate each run; pyodide restored from its memory snapshot; ${load}` },
      { area: 'python', name: 'python -c "print(1)", warm', target: '≤ 50 ms', medianMs: median(warm), runs: warm.length },
      { area: 'python', name: 'ruby -e "puts 1", warm', target: '≤ 50 ms', medianMs: median(ruby), runs: ruby.length, notes: `first run in its sandbox took ${rubyFirst} ms (no snapshot for ruby)` },
    ]
  } finally {
    await dev.stop()
  }
}

if (import.meta.url === `file://${process.argv[1]}`) console.table(await bench())
