/**
 * The runtime manager with the Python provider, through the SDK inside the Worker:
 * runCode with install 'ifMissing', installs recorded per sandbox, the profile's `allow`
 * and `onDemand` policy, and a failed asset download that a retry then completes.
 */
import { beforeAll, describe, expect, it } from 'vitest'
import type { PythonWorker } from './dev-worker.mjs'

let n = 0
const fresh = (): string => `rm-${process.pid}-${++n}`



/** Registers these cases; `server` is the shared test Worker, started by runtimes.test.ts. */
export function runtimeManagerCases(server: () => PythonWorker): void {
  let dev: PythonWorker
  beforeAll(() => {
    dev = server()
  })
  const installed = async (box: string): Promise<string[]> => ((await dev.sdk(box, 'installed')).result as string[]).sort()
  describe('runtime manager: python', () => {
    it("runCode(code, { language: 'python', install: 'ifMissing' }) installs python and runs the code", async () => {
      const box = fresh()
      expect(await installed(box)).toEqual(['shell'])
      const refused = await dev.sdk(box, 'runCode', ['print(2 + 2)', { language: 'python' }])
      expect(refused).toMatchObject({ ok: false, code: 'E_RUNTIME_NOT_INSTALLED' })
      const r = await dev.sdk(box, 'runCode', ['import sys\nprint(2 + 2)\nprint("err", file=sys.stderr)', { language: 'python', install: 'ifMissing' }])
      expect(r).toMatchObject({ ok: true, result: { stdout: '4\n', stderr: 'err\n', exitCode: 0, language: 'python', runtime: 'python' } })
      expect(await installed(box)).toEqual(['python', 'shell'])
      const available = (await dev.sdk(box, 'available')).result as Array<{ name: string; available: boolean; installed: boolean }>
      expect(available.find((x) => x.name === 'python')).toMatchObject({ available: true, installed: true })
    }, 120_000)

    it('refuses a runtime the profile does not allow, and on-demand installs when the profile forbids them', async () => {
      const noPython = { sandboxes: { default: { runtimes: { allow: ['shell', 'node'] } } } }
      const r = await dev.sdk(fresh(), 'runCode', ['print(1)', { language: 'python', install: 'ifMissing' }], noPython)
      expect(r).toMatchObject({ ok: false, code: 'E_RUNTIME_NOT_ALLOWED' })
      const noDemand = { sandboxes: { default: { runtimes: { onDemand: false } } } }
      expect(await dev.sdk(fresh(), 'install', ['python'], noDemand)).toMatchObject({ ok: false, code: 'E_RUNTIME_ON_DEMAND_DISABLED' })
    }, 120_000)

    it('a failed asset download fails the install naming python and the asset; installing again works', async () => {
      const box = fresh()
      // The cache bucket answers before the bundled assets; this object is not a zip.
      await dev.cache('PUT', 'pyodide/314.0.7/python_stdlib.zip', 'not a zip')
      try {
        const r = await dev.sdk(box, 'install', ['python'])
        expect(r).toMatchObject({ ok: false, code: 'E_RUNTIME_INSTALL_FAILED' })
        expect(r.error).toContain('python: could not load pyodide/314.0.7/python_stdlib.zip: not a zip archive')
        expect(await installed(box)).toEqual(['shell'])
      } finally {
        await dev.cache('DELETE', 'pyodide/314.0.7/python_stdlib.zip')
      }
      expect(await dev.sdk(box, 'install', ['python'])).toMatchObject({ ok: true })
      expect(await installed(box)).toEqual(['python', 'shell'])
      expect(await dev.sdk(box, 'runCode', ['print("ok")', { language: 'python' }])).toMatchObject({ ok: true, result: { stdout: 'ok\n' } })
    }, 120_000)
  })
}
