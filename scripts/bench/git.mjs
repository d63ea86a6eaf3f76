/**
 * git figures: clone of a generated 1,600-file repository from a loopback
 * `git http-backend`, `git status` on the clean tree, and `git commit -am` of 100 changed
 * files. Measured twice: inside workerd (a Durable Object over its SQLite, through the
 * shell, as a session runs it, under `wrangler dev`) and in Node over node:sqlite (the
 * same SqliteVfs code; the TypeScript is bundled with esbuild first).
 */
import { copyFileSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs'
import os, { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { startWranglerDev } from '../lib/wrangler-dev.mjs'
import { median } from './_stats.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')
const FILES = 1600

async function loadHarness() {
  const out = mkdtempSync(join(tmpdir(), 'nimbus-git-bench-'))
  const file = join(out, 'harness.mjs')
  await build({
    stdin: {
      contents: [
        "export { runCommand } from './packages/worker/src/commands/testing.ts'",
        "export { createTestVfs } from './packages/worker/src/vfs/testing.ts'",
        "export { startGitServer, makeBareRepo, hostGit, writeFiles } from './tests/git/http-backend.ts'",
      ].join('\n'),
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    outfile: file,
    logLevel: 'silent',
  })
  // Bare imports (isomorphic-git) must resolve from the repository's node_modules.
  const moved = join(root, 'node_modules', '.cache', 'nimbus-git-bench.mjs')
  mkdirSync(dirname(moved), { recursive: true })
  copyFileSync(file, moved)
  rmSync(out, { recursive: true, force: true })
  return import(pathToFileURL(moved).href)
}

/** 40 packages × 40 TypeScript files of 30 lines, one commit. */
function makeBigRepo(h, srvRoot) {
  h.makeBareRepo(srvRoot, 'big', (w) => {
    const files = {}
    for (let d = 0; d < 40; d++) {
      for (let f = 0; f < FILES / 40; f++) {
        files[`pkg${d}/src/file${f}.ts`] = `${Array.from({ length: 30 }, (_, i) => `export const v${i} = '${d}-${f}-${i}'`).join('\n')}\n`
      }
    }
    h.writeFiles(w, files)
    h.hostGit(w, 'add', '.')
    h.hostGit(w, 'commit', '-qm', 'generated')
  })
}

const names = {
  clone: `clone of a ${FILES.toLocaleString('en')}-file repository (loopback http-backend)`,
  status: `\`git status\` on the clean ${FILES.toLocaleString('en')}-file tree`,
  commit: '`git commit -am` of 100 changed files',
}
const targets = { clone: '≤ 5 s', status: '≤ 300 ms', commit: '≤ 1 s' }
/** The machine's 1-minute load average over its cores: figures on a busy machine run slow. */
const load = () => `load ${os.loadavg()[0].toFixed(1)} on ${os.cpus().length} cores`
const row = (op, times, notes) => ({ area: 'git', name: names[op], target: targets[op], medianMs: median(times), runs: times.length, notes })

async function workerdRows(url) {
  const dev = await startWranglerDev({ config: join(root, 'scripts/bench/git-worker/wrangler.jsonc') })
  try {
    const call = async (op, box, round = 0) => {
      const t0 = performance.now()
      const res = await fetch(`${dev.origin}/${op}?url=${encodeURIComponent(url)}&round=${round}&box=${box}`)
      if (!res.ok) throw new Error(`${op}: HTTP ${res.status} ${await res.text()}`)
      const body = await res.json()
      return { inside: body.ms, wall: performance.now() - t0 }
    }
    await call('clone', 'warm')
    const clone = []
    for (let i = 0; i < 3; i++) clone.push(await call('clone', `clone-${i}`))
    await call('prepare', 'work')
    const status = []
    for (let i = 0; i < 9; i++) status.push(await call('status', 'work'))
    const commit = []
    for (let i = 0; i < 5; i++) commit.push(await call('commit', 'work'))
    const notes = (xs) =>
      `workerd (wrangler dev), in a Durable Object over its SQLite, timed there; whole request ${median(xs.map((x) => x.wall)).toFixed(0)} ms; ${load()}`
    return [
      row('clone', clone.map((x) => x.inside), notes(clone)),
      row('status', status.slice(2).map((x) => x.inside), notes(status.slice(2))),
      row('commit', commit.map((x) => x.inside), notes(commit)),
    ]
  } finally {
    await dev.stop()
  }
}

/** Wall times of `n` runs; `cpu` collects this process's CPU time per run alongside. */
async function timeRuns(n, setup, fn, cpu = []) {
  const times = []
  for (let i = 0; i < n; i++) {
    const state = await setup(i)
    const c0 = process.cpuUsage()
    const t0 = performance.now()
    await fn(state)
    times.push(performance.now() - t0)
    const c = process.cpuUsage(c0)
    cpu.push((c.user + c.system) / 1000)
  }
  return times
}

async function nodeRows(h, url) {
  const sandbox = () => {
    const fs = h.createTestVfs({ '/home/user/.gitconfig': '[user]\n\tname = Bench\n\temail = bench@example.com\n' })
    const run = async (line, cwd = '/home/user') => {
      const r = await h.runCommand(line, { fs, cwd, env: {}, fetch: globalThis.fetch })
      if (r.code !== 0) throw new Error(`${line}: exit ${r.code}\n${r.stderr}`)
      return r
    }
    return { fs, run }
  }
  await sandbox().run(`git clone -q ${url} big`)
  const cpu = { clone: [], status: [], commit: [] }
  const clone = await timeRuns(3, () => sandbox(), (sb) => sb.run(`git clone -q ${url} big`), cpu.clone)
  const sb = sandbox()
  await sb.run(`git clone -q ${url} big`)
  const count = (await sb.run('git ls-files', '/home/user/big')).stdout.split('\n').filter(Boolean).length
  if (count !== FILES) throw new Error(`expected ${FILES} files, cloned ${count}`)
  const status = await timeRuns(9, () => undefined, async () => {
    const r = await sb.run('git status', '/home/user/big')
    if (!r.stdout.includes('working tree clean')) throw new Error(`tree not clean:\n${r.stdout}`)
  }, cpu.status)
  const commit = await timeRuns(
    5,
    (i) => {
      for (let f = 0; f < 100; f++) sb.fs.writeFile(`/home/user/big/pkg${f % 40}/src/file${Math.floor(f / 40) + i * 3}.ts`, `// change ${i}\n`)
    },
    () => sb.run('git commit -qam change', '/home/user/big'),
    cpu.commit,
  )
  // On a busy machine the wall time mostly waits for a core; the CPU time says what the work costs.
  const notes = (op) => `Node ${process.versions.node} over node:sqlite (same VFS code, not workerd); CPU ${median(cpu[op]).toFixed(0)} ms in this process; ${load()}`
  return [row('clone', clone, notes('clone')), row('status', status.slice(2), notes('status')), row('commit', commit, notes('commit'))]
}

export default async function bench() {
  const h = await loadHarness()
  const srv = await h.startGitServer()
  try {
    makeBigRepo(h, srv.root)
    const url = `${srv.url}/big.git`
    return [...(await workerdRows(url)), ...(await nodeRows(h, url))]
  } finally {
    await srv.close()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const r of await bench()) console.log(`${r.name}: ${r.medianMs.toFixed(0)} ms (target ${r.target}, ${r.runs} runs) — ${r.notes}`)
}
