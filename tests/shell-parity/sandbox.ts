/**
 * Runs a parity case in a fresh sandbox shell: a new SQLite test filesystem, cwd and
 * HOME at /home/user, the same minimal environment the generator gives real bash.
 */
import { Shell } from '../../packages/worker/src/shell/index.js'
import { createTestVfs } from '../../packages/worker/src/vfs/testing.js'
// @ts-expect-error plain ESM helper shared with the generator
import { normalizeBash } from './cases.mjs'

export interface ParityCase {
  name: string
  script: string
  stdin?: string
  stdout: string
  stderr: string
  exitCode: number
}

export interface ParityResult {
  stdout: string
  stderr: string
  exitCode: number
}

export async function runInSandbox(c: Pick<ParityCase, 'script' | 'stdin'>): Promise<ParityResult> {
  const shell = new Shell({
    fs: createTestVfs(),
    cwd: '/home/user',
    env: { HOME: '/home/user', USER: 'user', LOGNAME: 'user', PATH: '/usr/local/bin:/usr/bin:/bin', LC_ALL: 'C.UTF-8', TERM: 'dumb', SHELL: '/bin/bash' },
  })
  const r = await shell.exec(c.script, { timeoutMs: 10_000, ...(c.stdin !== undefined ? { stdin: c.stdin } : {}) })
  const norm = normalizeBash as (s: string) => string
  return { stdout: norm(r.stdout), stderr: norm(r.stderr), exitCode: r.exitCode }
}
