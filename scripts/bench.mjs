#!/usr/bin/env node
/**
 * `npm run bench`: runs every scripts/bench/*.mjs (each exports `default async function
 * bench()` returning rows), prints one table and rewrites docs/benchmarks.md with the
 * figures and the machine they were measured on. `npm run bench -- shell vfs` runs a subset.
 */
import { readdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dir = join(root, 'scripts/bench')
const only = process.argv.slice(2)
const files = readdirSync(dir)
  .filter((f) => f.endsWith('.mjs') && !f.startsWith('_'))
  .filter((f) => only.length === 0 || only.includes(f.replace(/\.mjs$/, '')))
  .sort()

const rows = []
const failures = []
for (const file of files) {
  const started = Date.now()
  process.stderr.write(`bench: ${file} …\n`)
  try {
    const mod = await import(pathToFileURL(join(dir, file)).href)
    const got = await mod.default()
    rows.push(...got)
    process.stderr.write(`bench: ${file} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
  } catch (e) {
    failures.push({ file, error: e instanceof Error ? e.message : String(e) })
    process.stderr.write(`bench: ${file} FAILED: ${e instanceof Error ? e.stack : e}\n`)
  }
}

const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3))
const header = ['area', 'benchmark', 'median (ms)', 'target', 'runs', 'notes']
const table = [header, header.map(() => '---'), ...rows.map((r) => [r.area, r.name, fmt(r.medianMs), r.target, String(r.runs), r.notes ?? ''])]
const markdown = table.map((cells) => `| ${cells.join(' | ')} |`).join('\n')
console.log(markdown)

const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
const machine = `${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`
const doc = `# Benchmarks

Measured by \`npm run bench\` (medians of repeated runs; each row says how many). Re-run it to
refresh this file; \`npm run bench -- <name>\` runs one group from \`scripts/bench/\`.

- Machine: ${machine}
- Date: ${new Date().toISOString().slice(0, 10)}
${failures.length ? `- Groups that failed to run: ${failures.map((f) => `${f.file} (${f.error})`).join('; ')}\n` : ''}
${markdown}
`
if (only.length === 0) writeFileSync(join(root, 'docs/benchmarks.md'), doc)
else process.stderr.write('bench: subset run; docs/benchmarks.md left as it was\n')
if (failures.length) process.exitCode = 1
