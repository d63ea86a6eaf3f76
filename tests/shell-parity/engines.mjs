/**
 * The three shell engines behind one small interface, for the engine decision: this
 * repository's shell (bundled from source with esbuild over the node:sqlite test VFS),
 * just-bash and @lifo-sh/core. Each `create(files)` gives a fresh sandbox with
 * /home/user as cwd and HOME, pre-filled with `files` (paths relative to home).
 */
import { mkdirSync, mkdtempSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '../..')
const HOME = '/home/user'
const ENV = { HOME, USER: 'user', LOGNAME: 'user', PATH: '/usr/local/bin:/usr/bin:/bin', LC_ALL: 'C.UTF-8', TERM: 'dumb', SHELL: '/bin/bash' }

let nimbusModule
async function loadNimbus() {
  if (nimbusModule) return nimbusModule
  const { build } = await import('esbuild')
  // Inside node_modules so the bundle's bare imports (external packages) resolve.
  const cache = join(root, 'node_modules/.cache')
  mkdirSync(cache, { recursive: true })
  const out = join(mkdtempSync(join(cache, 'nimbus-shell-')), 'shell.mjs')
  await build({
    stdin: {
      contents: `export { Shell } from './packages/worker/src/shell/index.ts'\nexport { createTestVfs } from './packages/worker/src/vfs/testing.ts'\n`,
      resolveDir: root,
      loader: 'ts',
    },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node22',
    packages: 'external',
    outfile: out,
    logLevel: 'error',
  })
  nimbusModule = await import(pathToFileURL(out).href)
  return nimbusModule
}

export const engines = {
  nimbus: {
    label: 'nimbus (this repository)',
    async create(files = {}) {
      const { Shell, createTestVfs } = await loadNimbus()
      const fs = createTestVfs()
      for (const [p, data] of Object.entries(files)) {
        const abs = `${HOME}/${p}`
        fs.mkdir(abs.slice(0, abs.lastIndexOf('/')), { recursive: true })
        fs.writeFile(abs, data)
      }
      const shell = new Shell({ fs, cwd: HOME, env: ENV })
      return { exec: (script, opts = {}) => shell.exec(script, { timeoutMs: 20_000, ...opts }) }
    },
  },
  'just-bash': {
    label: 'just-bash',
    async create(files = {}) {
      const { Bash } = await import('just-bash')
      const initial = {}
      for (const [p, data] of Object.entries(files)) initial[`${HOME}/${p}`] = data
      const bash = new Bash({ files: initial, cwd: HOME, env: ENV })
      return {
        exec: async (script, opts = {}) => {
          const r = await bash.exec(script, { rawScript: true, ...(opts.stdin !== undefined ? { stdin: opts.stdin } : {}) })
          return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
        },
      }
    },
  },
  lifo: {
    label: '@lifo-sh/core',
    async create(files = {}) {
      const { Sandbox } = await import('@lifo-sh/core')
      const initial = {}
      for (const [p, data] of Object.entries(files)) initial[`${HOME}/${p}`] = data
      const sandbox = await Sandbox.create({ files: initial, cwd: HOME, env: ENV })
      return {
        exec: async (script, opts = {}) => {
          const r = await sandbox.commands.run(script, { timeout: 20_000, ...(opts.stdin !== undefined ? { stdin: opts.stdin } : {}) })
          return { stdout: r.stdout, stderr: r.stderr, exitCode: r.exitCode }
        },
      }
    },
  },
}

/** Runs every parity case on an engine; returns { passed, total, failed: names }. */
export async function runCorpus(engine, cases, { normalize = (s) => s, perCaseTimeoutMs = 20_000 } = {}) {
  let passed = 0
  const failed = []
  for (const c of cases) {
    let got
    try {
      const sb = await engine.create()
      got = await Promise.race([
        sb.exec(c.script, c.stdin !== undefined ? { stdin: c.stdin } : {}),
        new Promise((_, reject) => setTimeout(() => reject(new Error('timeout')), perCaseTimeoutMs)),
      ])
    } catch (e) {
      got = { stdout: '', stderr: String(e), exitCode: -1 }
    }
    if (normalize(got.stdout) === c.stdout && normalize(got.stderr) === c.stderr && got.exitCode === c.exitCode) passed++
    else failed.push(c.name)
  }
  return { passed, total: cases.length, failed }
}
