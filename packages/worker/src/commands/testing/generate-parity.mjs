#!/usr/bin/env node
/**
 * Regenerates the expected outputs of the command parity cases by running the real GNU
 * tools (through `bash -c` so builtins such as echo, printf and test are bash's own).
 *
 *   node packages/worker/src/commands/testing/generate-parity.mjs [command...]
 *
 * Each case runs in a fresh temporary directory that stands for /home/user in the
 * sandbox; the directory's path is rewritten to /home/user in the recorded output.
 * Locale C.UTF-8 and TZ=UTC, so byte order and dates are stable.
 */
import { spawnSync } from 'node:child_process'
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync, existsSync, lstatSync, readlinkSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const here = dirname(fileURLToPath(import.meta.url))
const only = new Set(process.argv.slice(2))

const setup = (dir, c) => {
  for (const [p, content] of Object.entries(c.files ?? {})) {
    const full = join(dir, p)
    if (p.endsWith('/')) {
      mkdirSync(full, { recursive: true })
      continue
    }
    mkdirSync(dirname(full), { recursive: true })
    writeFileSync(full, typeof content === 'string' ? content : Buffer.from(content.base64, 'base64'))
  }
  for (const [p, target] of Object.entries(c.symlinks ?? {})) symlinkSync(target, join(dir, p))
  for (const [p, mode] of Object.entries(c.modes ?? {})) chmodSync(join(dir, p), parseInt(mode, 8))
  for (const [p, iso] of Object.entries(c.mtimes ?? {})) {
    const t = new Date(iso)
    utimesSync(join(dir, p), t, t)
  }
}

const snapshot = (dir, paths) => {
  const out = {}
  for (const p of paths ?? []) {
    const full = join(dir, p)
    if (!existsSync(full) && !isLink(full)) out[p] = null
    else if (lstatSync(full).isSymbolicLink()) out[p] = { symlink: readlinkSync(full) }
    else if (lstatSync(full).isDirectory()) out[p] = { dir: readdirSync(full).sort() }
    else out[p] = readFileSync(full, 'latin1')
  }
  return out
}
const isLink = (p) => {
  try {
    return lstatSync(p).isSymbolicLink()
  } catch {
    return false
  }
}

for (const file of readdirSync(join(here, 'cases')).sort()) {
  const name = file.replace(/\.json$/, '')
  if (only.size > 0 && !only.has(name)) continue
  const cases = JSON.parse(readFileSync(join(here, 'cases', file), 'utf8'))
  const expected = {}
  for (const c of cases) {
    const dir = mkdtempSync(join(tmpdir(), 'parity-'))
    try {
      setup(dir, c)
      const r = spawnSync('bash', ['-c', '"$@"', 'bash', ...c.argv], {
        cwd: dir,
        input: c.stdin ?? '',
        env: { PATH: '/usr/local/bin:/usr/bin:/bin', LC_ALL: 'C.UTF-8', TZ: 'UTC', HOME: dir, ...(c.env ?? {}) },
        maxBuffer: 64 * 1024 * 1024,
      })
      const fix = (b) => b.toString('latin1').split(dir).join('/home/user')
      // Builtins in `bash -c` prefix their errors with `bash: line 1: `; an interactive shell says `bash: `.
      const stderr = fix(r.stderr).replaceAll('bash: line 1: ', 'bash: ')
      const sortLines = (t) => {
        const lines = t.split('\n')
        const last = lines.pop()
        return [...lines.sort(), last].join('\n')
      }
      expected[c.name] = { stdout: c.sortLines ? sortLines(fix(r.stdout)) : fix(r.stdout), stderr, code: r.status, files: snapshot(dir, c.check) }
    } finally {
      rmSync(dir, { recursive: true, force: true })
    }
  }
  writeFileSync(join(here, 'expected', `${name}.json`), `${JSON.stringify(expected, null, 1)}\n`)
  console.log(`${name}: ${cases.length} cases`)
}
