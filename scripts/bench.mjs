#!/usr/bin/env node
/**
 * `npm run bench`: runs every scripts/bench/*.mjs (each exports `default async function
 * bench()` returning rows), prints the table and rewrites docs/benchmarks.md with the
 * figures and the machine they were measured on. `npm run bench -- shell vfs` runs only those
 * groups and replaces only their sections of docs/benchmarks.md.
 */
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs'
import os from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const dir = join(root, 'scripts/bench')
const docPath = join(root, 'docs/benchmarks.md')
const only = process.argv.slice(2)
const groups = readdirSync(dir)
  .filter((f) => f.endsWith('.mjs') && !f.startsWith('_'))
  .map((f) => f.replace(/\.mjs$/, ''))
  .filter((g) => only.length === 0 || only.includes(g))
  .sort()

/** A table cell: pipes inside it (shell pipelines) must not split the row. */
const cell = (text) => String(text).replaceAll('|', '\\|')
const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 1 ? ms.toFixed(2) : ms.toFixed(3))
const cpu = os.cpus()[0]?.model ?? 'unknown CPU'
const machine = `${cpu}, ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, ${os.type()} ${os.release()}, Node ${process.version}`
const today = new Date().toISOString().slice(0, 10)

function section(group, rows, load, error) {
  const head = `## ${group}\n\n<!-- measured ${today}; load average before the run: ${load} -->\n`
  if (error) return `${head}\nThis group failed to run: ${error}\n`
  const table = [
    '| area | benchmark | median (ms) | target | runs | notes |',
    '| --- | --- | --- | --- | --- | --- |',
    ...rows.map((r) => `| ${[r.area, r.name, fmt(r.medianMs), r.target, r.runs, r.notes ?? ''].map(cell).join(' | ')} |`),
  ]
  return `${head}\n${table.join('\n')}\n`
}

/** The existing document's sections by group, to keep those not re-run. */
function existingSections() {
  if (!existsSync(docPath)) return new Map()
  const parts = readFileSync(docPath, 'utf8').split(/^(?=## )/m).slice(1)
  return new Map(parts.map((p) => [p.slice(3, p.indexOf('\n')).trim(), p.trimEnd() + '\n']))
}

const sections = only.length ? existingSections() : new Map()
let failed = false
for (const group of groups) {
  const started = Date.now()
  const load = os.loadavg()[0].toFixed(2)
  process.stderr.write(`bench: ${group} …\n`)
  try {
    const mod = await import(pathToFileURL(join(dir, `${group}.mjs`)).href)
    const rows = await mod.default()
    sections.set(group, section(group, rows, load))
    console.log(`\n${section(group, rows, load)}`)
    process.stderr.write(`bench: ${group} done in ${((Date.now() - started) / 1000).toFixed(1)} s\n`)
  } catch (e) {
    failed = true
    sections.set(group, section(group, [], load, e instanceof Error ? e.message.split('\n')[0] : String(e)))
    process.stderr.write(`bench: ${group} FAILED: ${e instanceof Error ? e.stack : e}\n`)
  }
}

const doc = `# Benchmarks

Measured by \`npm run bench\`: each figure is the median of repeated runs (the runs column
says how many). \`npm run bench -- <group>\` re-runs one group from \`scripts/bench/\` and
replaces only its section here. Targets come from the issues; a figure over its target is
reported as measured.

- Machine: ${machine}
- Last run: ${today}${only.length ? ` (groups: ${only.join(', ')})` : ''}

${[...sections.keys()].sort().map((g) => sections.get(g)).join('\n')}`
writeFileSync(docPath, doc)
if (failed) process.exitCode = 1
