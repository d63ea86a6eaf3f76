/**
 * git figures in Node over node:sqlite (the same SqliteVfs code the Durable Object runs,
 * on Node's SQLite instead of workerd's): clone of a generated 1,600-file repository
 * from a loopback `git http-backend`, `git status` on the clean tree, and a commit of
 * 100 changed files. The TypeScript sources are bundled with esbuild first.
 */
import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'
import { median } from './_stats.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..')

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
  const { mkdirSync, copyFileSync } = await import('node:fs')
  mkdirSync(dirname(moved), { recursive: true })
  copyFileSync(file, moved)
  rmSync(out, { recursive: true, force: true })
  return import(pathToFileURL(moved).href)
}

async function timeRuns(n, setup, fn) {
  const times = []
  for (let i = 0; i < n; i++) {
    const state = await setup(i)
    const t0 = performance.now()
    await fn(state)
    times.push(performance.now() - t0)
  }
  return times
}

export default async function bench() {
  const h = await loadHarness()
  const srv = await h.startGitServer()
  try {
    h.makeBareRepo(srv.root, 'big', (w) => {
      const files = {}
      for (let d = 0; d < 40; d++) {
        for (let f = 0; f < 40; f++) {
          const lines = Array.from({ length: 30 }, (_, i) => `export const v${i} = '${d}-${f}-${i}'`).join('\n')
          files[`pkg${d}/src/file${f}.ts`] = `${lines}\n`
        }
      }
      h.writeFiles(w, files)
      h.hostGit(w, 'add', '.')
      h.hostGit(w, 'commit', '-qm', 'generated')
    })
    const env = {}
    const sandbox = () => {
      const fs = h.createTestVfs({ '/home/user/.gitconfig': '[user]\n\tname = Bench\n\temail = bench@example.com\n' })
      const run = async (line, cwd = '/home/user') => {
        const r = await h.runCommand(line, { fs, cwd, env, fetch: globalThis.fetch })
        if (r.code !== 0) throw new Error(`${line}: exit ${r.code}\n${r.stderr}`)
        return r
      }
      return { fs, run }
    }
    const url = `${srv.url}/big.git`
    // Warm-up: module loading and JIT.
    await sandbox().run(`git clone -q ${url} big`)

    const clone = await timeRuns(5, () => sandbox(), (sb) => sb.run(`git clone -q ${url} big`))
    const sb = sandbox()
    await sb.run(`git clone -q ${url} big`)
    const count = (await sb.run('git ls-files', '/home/user/big').catch(() => ({ stdout: '' }))).stdout.split('\n').filter(Boolean).length
    const status = await timeRuns(10, () => undefined, async () => {
      const r = await sb.run('git status', '/home/user/big')
      if (!r.stdout.includes('working tree clean')) throw new Error(`tree not clean:\n${r.stdout}`)
    })
    const commit = await timeRuns(
      7,
      (i) => {
        for (let f = 0; f < 100; f++) sb.fs.writeFile(`/home/user/big/pkg${f % 40}/src/file${Math.floor(f / 40) + i * 3}.ts`, `// change ${i}\n`)
      },
      () => sb.run(`git commit -qam change`, '/home/user/big'),
    )
    const notes = `Node ${process.versions.node} over node:sqlite (not workerd); loopback git http-backend`
    return [
      { area: 'git', name: `clone of a ${count || 1600}-file repository (loopback http-backend)`, target: '≤ 5 s', medianMs: median(clone), runs: clone.length, notes },
      { area: 'git', name: '`git status` on the clean 1,600-file tree', target: '≤ 300 ms', medianMs: median(status), runs: status.length, notes },
      { area: 'git', name: '`git commit -am` of 100 changed files', target: '≤ 1 s', medianMs: median(commit), runs: commit.length, notes },
    ]
  } finally {
    await srv.close()
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  for (const row of await bench()) console.log(`${row.name}: ${row.medianMs.toFixed(0)} ms (target ${row.target}, ${row.runs} runs)`)
}
