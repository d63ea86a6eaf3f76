/**
 * Runs the built CLI (`dist/bin.js`) as a child process with Node, as a user would. Before the
 * first run it rebuilds config and cli when any source file is newer than its build output,
 * holding a directory lock so parallel test files build once.
 */
import { execFile, execFileSync } from 'node:child_process'
import { mkdirSync, readdirSync, rmSync, statSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
export const CLI_DIR = resolve(here, '../..')
export const REPO_ROOT = resolve(CLI_DIR, '../..')
export const BIN = join(CLI_DIR, 'dist/bin.js')

function newestMtime(dir: string): number {
  let newest = 0
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name)
    if (entry.isDirectory()) newest = Math.max(newest, newestMtime(path))
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) newest = Math.max(newest, statSync(path).mtimeMs)
  }
  return newest
}

const mtime = (path: string): number => {
  try {
    return statSync(path).mtimeMs
  } catch {
    return 0
  }
}

function stale(): boolean {
  const pairs: Array<[string, string]> = [
    [join(REPO_ROOT, 'packages/config/src'), join(REPO_ROOT, 'packages/config/dist/index.js')],
    [join(CLI_DIR, 'src'), BIN],
  ]
  return pairs.some(([src, out]) => newestMtime(src) > mtime(out))
}

function sleep(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms)
}

/** The token commands load @nimbus-sh/sdk/token, which re-exports @nimbus-sh/worker/auth. */
const DEPENDENCY_BUILDS: Array<[string, string]> = [
  [join(REPO_ROOT, 'packages/worker/dist/auth/index.js'), join(REPO_ROOT, 'packages/worker/tsconfig.build.json')],
  [join(REPO_ROOT, 'packages/sdk/dist/token.js'), join(REPO_ROOT, 'packages/sdk/tsconfig.build.json')],
]

const missingDependency = (): boolean => DEPENDENCY_BUILDS.some(([out]) => mtime(out) === 0)

/**
 * Builds @nimbus-sh/config and @nimbus-sh/cli when their dist is older than their sources,
 * and the worker and sdk (TypeScript only) when their dist is missing altogether.
 */
export function ensureCliBuilt(): void {
  if (!stale() && !missingDependency()) return
  const lock = join(tmpdir(), 'nimbus-cli-test-build.lock')
  for (;;) {
    try {
      mkdirSync(lock)
      break
    } catch {
      if (Date.now() - mtime(lock) > 120_000) rmSync(lock, { recursive: true, force: true })
      sleep(200)
    }
  }
  try {
    for (const [out, tsconfig] of DEPENDENCY_BUILDS) {
      if (mtime(out) !== 0) continue
      try {
        execFileSync('npx', ['tsc', '-p', tsconfig], { cwd: REPO_ROOT, stdio: 'pipe' })
      } catch (err) {
        // tsc emits despite type errors in unrelated files; only a missing output is fatal.
        if (mtime(out) === 0) throw err
      }
    }
    if (stale()) {
      execFileSync('npm', ['run', 'build', '--workspace', '@nimbus-sh/config', '--workspace', '@nimbus-sh/cli'], { cwd: REPO_ROOT, stdio: 'pipe' })
    }
  } finally {
    rmSync(lock, { recursive: true, force: true })
  }
}

export interface CliRun {
  code: number
  stdout: string
  stderr: string
}

export interface RunOptions {
  cwd: string
  env?: Record<string, string | undefined>
  input?: string
}

/** Runs `node dist/bin.js ...args` with a minimal environment (no inherited Cloudflare vars). */
export function runCli(args: string[], opts: RunOptions): Promise<CliRun> {
  const env: Record<string, string> = { PATH: process.env['PATH'] ?? '', HOME: process.env['HOME'] ?? opts.cwd }
  for (const [k, v] of Object.entries(opts.env ?? {})) if (v !== undefined) env[k] = v
  return new Promise((resolvePromise) => {
    const child = execFile(process.execPath, [BIN, ...args], { cwd: opts.cwd, env, timeout: 30_000 }, (err, stdout, stderr) => {
      const code = err && typeof err.code === 'number' ? err.code : err ? 1 : 0
      resolvePromise({ code, stdout, stderr })
    })
    child.stdin?.end(opts.input ?? '')
  })
}

/**
 * For tests that run the Worker itself: recompiles @nimbus-sh/worker and @nimbus-sh/sdk with
 * tsc when their sources are newer than their dist. Type errors are left to those packages'
 * own checks; what matters here is that the emitted JavaScript is current.
 */
export function ensureWorkspaceBuilt(): void {
  for (const pkg of ['worker', 'sdk']) {
    const src = join(REPO_ROOT, 'packages', pkg, 'src')
    const out = join(REPO_ROOT, 'packages', pkg, pkg === 'sdk' ? 'dist/worker.js' : 'dist/index.js')
    if (newestMtime(src) > mtime(out)) {
      try {
        execFileSync('npx', ['tsc', '-p', join(REPO_ROOT, 'packages', pkg, 'tsconfig.build.json')], { cwd: REPO_ROOT, stdio: 'pipe' })
      } catch {
        // Emitted despite type errors; the Worker start below shows whether it runs.
      }
    }
  }
  ensureCliBuilt()
}
