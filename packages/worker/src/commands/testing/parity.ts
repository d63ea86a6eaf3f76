/**
 * Runs the parity cases of one command (cases/<cmd>.json) through the command harness and
 * compares stdout, stderr, exit status and checked files with what the real GNU tools
 * produced (expected/<cmd>.json, written by generate-parity.mjs). Outputs are compared as
 * latin1 strings so binary output is compared byte for byte.
 */
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { expect, it } from 'vitest'
import { runCommand } from '../testing.js'

export interface ParityCase {
  name: string
  argv: string[]
  files?: Record<string, string | { base64: string }>
  symlinks?: Record<string, string>
  modes?: Record<string, string>
  mtimes?: Record<string, string>
  stdin?: string
  env?: Record<string, string>
  check?: string[]
  /** Compare stdout with its lines sorted (directory order differs between filesystems). */
  sortLines?: boolean
}

interface Expected {
  stdout: string
  stderr: string
  code: number
  files: Record<string, string | null | { symlink: string } | { dir: string[] }>
}

const here = dirname(fileURLToPath(import.meta.url))
const latin1 = (b: Uint8Array) => Buffer.from(b).toString('latin1')

/** Registers one vitest case per parity case of `command`. */
export const parityCases = (command: string): void => {
  const cases = JSON.parse(readFileSync(join(here, 'cases', `${command}.json`), 'utf8')) as ParityCase[]
  const expected = JSON.parse(readFileSync(join(here, 'expected', `${command}.json`), 'utf8')) as Record<string, Expected>
  for (const c of cases) {
    it(`matches GNU: ${c.name}`, async () => {
      const want = expected[c.name]
      if (!want) throw new Error(`no expected output for ${c.name}; run generate-parity.mjs ${command}`)
      const files: Record<string, string | Uint8Array> = {}
      const dirs: string[] = []
      for (const [p, v] of Object.entries(c.files ?? {})) {
        if (p.endsWith('/')) dirs.push(p)
        else files[p] = typeof v === 'string' ? v : new Uint8Array(Buffer.from(v.base64, 'base64'))
      }
      const { createTestVfs } = await import('../../vfs/testing.js')
      const fs = createTestVfs(Object.fromEntries(Object.entries(files).map(([p, v]) => [`/home/user/${p}`, v])))
      for (const d of dirs) fs.mkdir(`/home/user/${d}`, { recursive: true })
      for (const [p, t] of Object.entries(c.symlinks ?? {})) fs.symlink(t, `/home/user/${p}`)
      for (const [p, m] of Object.entries(c.modes ?? {})) fs.chmod(`/home/user/${p}`, parseInt(m, 8))
      for (const [p, iso] of Object.entries(c.mtimes ?? {})) fs.utimes(`/home/user/${p}`, Date.parse(iso), Date.parse(iso))
      const r = await runCommand(c.argv, { fs, ...(c.stdin !== undefined ? { stdin: c.stdin } : {}), env: { TZ: 'UTC', ...c.env } })
      const rawOut = latin1(r.stdoutBytes)
      const got: Expected = { stdout: c.sortLines ? sortLines(rawOut) : rawOut, stderr: Buffer.from(r.stderr, 'utf8').toString('latin1'), code: r.code, files: {} }
      for (const p of c.check ?? []) {
        const full = `/home/user/${p}`
        if (!fs.exists(full) && !isLink(fs, full)) got.files[p] = null
        else if (fs.lstat(full).type === 'symlink') got.files[p] = { symlink: fs.readlink(full) }
        else if (fs.lstat(full).type === 'dir') got.files[p] = { dir: fs.readdir(full).map((e) => e.name).sort() }
        else got.files[p] = latin1(fs.readFile(full))
      }
      // Field by field, so a failure shows the differing text itself.
      const show = (what: string, a: unknown, b: unknown) => `${what}\n  got: ${JSON.stringify(a)}\n want: ${JSON.stringify(b)}\n`
      expect(got.stdout, show('stdout', got.stdout, want.stdout)).toBe(want.stdout)
      expect(got.stderr, show('stderr', got.stderr, want.stderr)).toBe(want.stderr)
      expect(got.code, show('exit status', got.code, want.code)).toBe(want.code)
      expect(JSON.stringify(got.files), show('files', got.files, want.files)).toBe(JSON.stringify(want.files))
    })
  }
}

const isLink = (fs: { lstat(p: string): { type: string } }, p: string): boolean => {
  try {
    return fs.lstat(p).type === 'symlink'
  } catch {
    return false
  }
}

const sortLines = (s: string): string => {
  const lines = s.split('\n')
  const last = lines.pop()
  return [...lines.sort(), last].join('\n')
}
