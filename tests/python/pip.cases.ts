/**
 * pip in a sandbox against a loopback package index: wheels built at test time from tiny
 * pure-Python projects, installed with their dependency, imported by python, listed,
 * uninstalled; a hash mismatch and a missing project are refused with pip's wording.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { PythonWorker } from './dev-worker.mjs'
import { startIndex, type LoopbackIndex } from './wheels.js'

let index: LoopbackIndex
let n = 0
const fresh = (): string => `pip-${process.pid}-${++n}`

/** Registers these cases; `server` is the shared test Worker, started by runtimes.test.ts. */
export function pipCases(server: () => PythonWorker): void {
  let dev: PythonWorker
  beforeAll(() => {
    dev = server()
  })
  beforeAll(async () => {
    index = await startIndex([
      { name: 'tinydep', version: '0.1.0', files: { 'tinydep.py': 'WORD = "hello"\n' } },
      { name: 'tiny_greet', version: '1.0.0', files: { 'tiny_greet/__init__.py': 'def greet(n):\n    return "old " + n\n' } },
      {
        name: 'tiny_greet',
        version: '1.2.0',
        requires: ['tinydep', 'pytest; extra == "test"'],
        files: { 'tiny_greet/__init__.py': 'from tinydep import WORD\n\ndef greet(n):\n    return WORD + " " + n\n' },
      },
    ])
  }, 180_000)

  afterAll(async () => {
    await index?.close()
  })
  describe('pip', () => {
    it('installs the newest wheel and its dependency from the index; python imports it', async () => {
      const box = fresh()
      const r = await dev.exec(box, `pip install --index-url ${index.url} tiny-greet`)
      expect(r.stderr).toBe('')
      expect(r.exitCode).toBe(0)
      expect(r.stdout).toContain('Downloading tiny_greet-1.2.0-py3-none-any.whl')
      expect(r.stdout).toContain('Successfully installed tiny_greet-1.2.0 tinydep-0.1.0')
      expect((await dev.exec(box, 'python -c "import tiny_greet; print(tiny_greet.greet(\'world\'))"')).stdout).toBe('hello world\n')
      const list = await dev.exec(box, 'pip list')
      expect(list.stdout).toMatch(/^tiny_greet +1\.2\.0$/m)
      expect(list.stdout).toMatch(/^tinydep +0\.1\.0$/m)
      const un = await dev.exec(box, 'pip uninstall -y tiny_greet && python -c "import tiny_greet"')
      expect(un.stdout).toContain('Successfully uninstalled tiny_greet-1.2.0')
      expect(un.stderr).toContain("ModuleNotFoundError: No module named 'tiny_greet'")
      expect(un.exitCode).toBe(1)
    }, 120_000)

    it('takes PIP_INDEX_URL, pins with ==, and python -m pip is the same command', async () => {
      const box = fresh()
      const r = await dev.exec(box, `export PIP_INDEX_URL=${index.url}; python -m pip install --no-deps tiny_greet==1.0.0 && python3 -c "import tiny_greet; print(tiny_greet.greet('x'))" && pip freeze`)
      expect(r).toMatchObject({ stdout: expect.stringContaining('old x\ntiny_greet==1.0.0\n'), exitCode: 0 })
      expect(r.stdout).not.toContain('tinydep')
    }, 120_000)

    it('installs a wheel file from the sandbox', async () => {
      const box = fresh()
      const wheel = index.wheels.get('tinydep-0.1.0-py3-none-any.whl') as Uint8Array
      const b64 = Buffer.from(wheel).toString('base64')
      const r = await dev.exec(box, `echo ${b64} | base64 -d > tinydep-0.1.0-py3-none-any.whl && pip install ./tinydep-0.1.0-py3-none-any.whl && python -c "import tinydep; print(tinydep.WORD)"`)
      expect(r.stderr).toBe('')
      expect(r.stdout).toBe('Successfully installed tinydep-0.1.0\nhello\n')
    }, 120_000)

    it('refuses a missing project and a wheel whose hash does not match', async () => {
      const box = fresh()
      const missing = await dev.exec(box, `pip install -i ${index.url} no-such-thing`)
      expect(missing.exitCode).toBe(1)
      expect(missing.stderr).toMatch(/^ERROR: No matching distribution found for no-such-thing/)
      const bad = await startIndex([{ name: 'tinydep', version: '0.1.0', files: { 'tinydep.py': 'X = 1\n' } }], { corrupt: 'tinydep-0.1.0-py3-none-any.whl' })
      try {
        const r = await dev.exec(box, `pip install -i ${bad.url} tinydep`)
        expect(r.exitCode).toBe(1)
        expect(r.stderr).toContain('ERROR: THESE PACKAGES DO NOT MATCH THE HASHES')
        expect((await dev.exec(box, 'pip list')).stdout).not.toContain('tinydep')
      } finally {
        await bad.close()
      }
    }, 120_000)
  })
}
