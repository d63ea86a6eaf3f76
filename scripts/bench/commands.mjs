/**
 * Command figures in plain Node: each command runs through the command test harness
 * (the real SqliteVfs over node:sqlite, streams and registry as in the sandbox), bundled
 * on the fly with esbuild. Inputs are generated once per case; the median covers the
 * command's own work, not setting up files.
 */
import { build } from 'esbuild'
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { measure } from './_stats.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '../..')

const loadHarness = async () => {
  // Inside the repository so the bundle resolves npm packages from its node_modules.
  mkdirSync(join(root, 'node_modules/.cache'), { recursive: true })
  const dir = mkdtempSync(join(root, 'node_modules/.cache/bench-commands-'))
  const out = join(dir, 'harness.mjs')
  const res = await build({
    entryPoints: [join(root, 'packages/worker/src/commands/testing.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    write: false,
    logLevel: 'silent',
    // npm packages stay external so Node loads them as it would anyway.
    packages: 'external',
  })
  writeFileSync(out, res.outputFiles[0].text)
  const mod = await import(pathToFileURL(out).href)
  rmSync(dir, { recursive: true, force: true })
  return mod
}

export default async function bench() {
  const { runCommand } = await loadHarness()
  const lines = Array.from({ length: 100_000 }, (_, i) => `word${(i * 7919) % 5000} ${i % 97} line ${i}`).join('\n') + '\n'
  const big = await runCommand('true', { files: { 'data.txt': lines } })
  const fs = big.fs
  for (let d = 0; d < 40; d++) fs.mkdir(`/home/user/tree/d${d}`, { recursive: true })
  for (let i = 0; i < 2000; i++) fs.writeFile(`/home/user/tree/d${i % 40}/f${i}.txt`, `file ${i}\n${i % 10 === 0 ? 'needle here\n' : 'hay\n'}`)
  const json = JSON.stringify({ items: Array.from({ length: 20_000 }, (_, i) => ({ id: i, name: `n${i}`, tags: ['a', 'b'], ok: i % 3 === 0 })) })
  fs.writeFile('/home/user/data.json', json)
  const cases = [
    { name: 'sort 100k lines', argv: ['sort', 'data.txt'], target: '≤ 1.5× the JS sort reference' },
    { name: 'sort -n -k2 100k lines', argv: ['sort', '-n', '-k2', 'data.txt'], target: '≤ 4× the JS sort reference' },
    { name: 'uniq -c over sorted 100k lines', argv: ['uniq', '-c', 'sorted.txt'], target: '< 200 ms', setup: async () => fs.writeFile('/home/user/sorted.txt', (await runCommand(['sort', 'data.txt'], { fs })).stdout) },
    { name: 'grep over 100k lines', argv: ['grep', '-c', 'word42 ', 'data.txt'], target: '< 150 ms' },
    { name: 'grep -r over 2,000 files', argv: ['grep', '-rl', 'needle', 'tree'], target: '< 500 ms' },
    { name: 'find -name over 2,000 files', argv: ['find', 'tree', '-name', '*7.txt'], target: '< 300 ms' },
    { name: 'awk sum over 100k lines', argv: ['awk', '{ s += $2 } END { print s }', 'data.txt'], target: '< 500 ms' },
    { name: 'sed s///g over 100k lines', argv: ['sed', 's/line/LINE/g', 'data.txt'], target: '< 500 ms' },
    { name: 'wc over 100k lines', argv: ['wc', 'data.txt'], target: '< 150 ms' },
    { name: 'jq .items | length (1 MB JSON)', argv: ['jq', '[.items[] | select(.ok)] | length', 'data.json'], target: '< 400 ms' },
    { name: 'cat 3 MB file', argv: ['cat', 'data.txt'], target: '< 100 ms' },
    { name: 'echo hi', argv: ['echo', 'hi'], target: '< 1 ms' },
  ]
  const results = []
  // Reference: the engine's own sort of the same lines, to read the figures against this machine.
  const plain = lines.split('\n')
  const ref = await measure(() => [...plain].sort(), { runs: 5, warmup: 1 })
  results.push({ area: 'commands', name: 'reference: JS Array sort of the 100k lines', target: '-', medianMs: Math.round(ref.medianMs * 100) / 100, runs: ref.runs, notes: 'no command involved; a yardstick for this machine' })
  for (const c of cases) {
    if (c.setup) await c.setup()
    const r = await runCommand(c.argv, { fs })
    if (r.code !== 0 && !(c.argv[0] === 'grep' && r.code === 1)) throw new Error(`${c.name}: exit ${r.code}: ${r.stderr}`)
    const { medianMs, runs } = await measure(() => runCommand(c.argv, { fs }), { runs: 5, warmup: 1 })
    results.push({ area: 'commands', name: c.name, target: c.target, medianMs: Math.round(medianMs * 100) / 100, runs, notes: 'runCommand in Node 22 over the SQLite VFS (node:sqlite)' })
  }
  return results
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await bench()) console.log(`${r.name.padEnd(40)} ${String(r.medianMs).padStart(9)} ms  (${r.target})`)
}
