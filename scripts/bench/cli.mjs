/**
 * `nimbus` CLI figures, measured on the built `packages/cli/dist/bin.js` run as a child
 * process with the current Node (what a user waits for): `--help` startup, `init` into a
 * fresh directory, `token mint`, and `setup cloudflare` against the local Cloudflare API
 * stand-in from the CLI tests (first run creating three buckets, then the idempotent rerun).
 */
import { execFile, execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { performance } from 'node:perf_hooks'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { median } from './_stats.mjs'

const root = join(dirname(fileURLToPath(import.meta.url)), '../..')
const bin = join(root, 'packages/cli/dist/bin.js')
const SECRET = '0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef'
const RUNS = 15

function run(args, { cwd, env = {} }) {
  return new Promise((resolve, reject) => {
    execFile(process.execPath, [bin, ...args], { cwd, env: { PATH: process.env.PATH ?? '', ...env } }, (err, stdout, stderr) => {
      if (err) reject(new Error(`nimbus ${args.join(' ')} failed: ${stderr || err.message}`))
      else resolve(stdout)
    })
  })
}

async function timed(fn, runs = RUNS, warmup = 2) {
  for (let i = 0; i < warmup; i++) await fn(-1 - i)
  const times = []
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now()
    await fn(i)
    times.push(performance.now() - t0)
  }
  return median(times)
}

/** Loads the TypeScript fake API by transpiling it with esbuild into a temporary module. */
async function loadFakeCloudflare(dir) {
  const { build } = await import('esbuild')
  const out = join(dir, 'fake-cloudflare.mjs')
  await build({ entryPoints: [join(root, 'packages/cli/test/helpers/fake-cloudflare.ts')], outfile: out, format: 'esm', platform: 'node', bundle: true, logLevel: 'silent' })
  return import(pathToFileURL(out).href)
}

export default async function bench() {
  if (!existsSync(bin)) {
    execFileSync('npm', ['run', 'build', '--workspace', '@nimbus-sh/config', '--workspace', '@nimbus-sh/cli'], { cwd: root, stdio: 'ignore' })
  }
  const work = await mkdtemp(join(tmpdir(), 'nimbus-bench-cli-'))
  try {
    const help = await timed(() => run(['--help'], { cwd: work }))
    const init = await timed((i) => run(['init', `app-${i + 10}`], { cwd: work }))
    const mint = await timed(() => run(['token', 'mint', '--tenant', 'bench', '--sub', 'alice'], { cwd: work, env: { JWT_SECRET: SECRET } }))

    const { startFakeCloudflare } = await loadFakeCloudflare(work)
    const setupDir = join(work, 'setup')
    await run(['init', 'setup', '--name', 'bench-nimbus'], { cwd: work })
    let fresh = []
    const create = await timed(async () => {
      const cf = await startFakeCloudflare()
      fresh.push(cf)
      await run(['setup', 'cloudflare'], { cwd: setupDir, env: { CLOUDFLARE_API_TOKEN: cf.token, CLOUDFLARE_ACCOUNT_ID: cf.accountId, CLOUDFLARE_API_BASE_URL: cf.url } })
      if (cf.buckets.size !== 3) throw new Error('setup cloudflare did not create three buckets')
    }, 9, 1)
    await Promise.all(fresh.map((cf) => cf.close()))
    const cf = await startFakeCloudflare({ buckets: ['bench-nimbus-npm-cache', 'bench-nimbus-npm-packument-cache', 'nimbus-runtime-cache-public'] })
    const env = { CLOUDFLARE_API_TOKEN: cf.token, CLOUDFLARE_ACCOUNT_ID: cf.accountId, CLOUDFLARE_API_BASE_URL: cf.url }
    const rerun = await timed(() => run(['setup', 'cloudflare'], { cwd: setupDir, env }), 9, 1)
    if (cf.requests.some((r) => r.method !== 'GET')) throw new Error('idempotent setup changed something')
    await cf.close()

    const notes = `child process, ${process.version}`
    return [
      { area: 'cli', name: 'nimbus --help (process start to exit)', target: '≤ 150 ms', medianMs: help, runs: RUNS, notes },
      { area: 'cli', name: 'nimbus init (fresh directory)', target: '≤ 300 ms', medianMs: init, runs: RUNS, notes },
      { area: 'cli', name: 'nimbus token mint', target: '≤ 250 ms', medianMs: mint, runs: RUNS, notes },
      { area: 'cli', name: 'setup cloudflare, creating 3 buckets', target: '≤ 600 ms', medianMs: create, runs: 9, notes: `${notes}; local v4 API stand-in on loopback` },
      { area: 'cli', name: 'setup cloudflare, rerun (all exist)', target: '≤ 600 ms', medianMs: rerun, runs: 9, notes: `${notes}; local v4 API stand-in on loopback; no changes` },
    ]
  } finally {
    await rm(work, { recursive: true, force: true })
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) console.table(await bench())
