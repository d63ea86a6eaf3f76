/**
 * Python, pip, the REPL, Ruby, C/C++ and the runtime manager through a real session Durable Object
 * under `wrangler dev` (LOADER, ASSETS, an R2 runtime cache). One Worker serves every case,
 * since starting it is the slow part; each case uses sandboxes of its own.
 */
import { afterAll, beforeAll } from 'vitest'
import { startPythonWorker, type PythonWorker } from './dev-worker.mjs'
import { clangCases } from './clang.cases.js'
import { pipCases } from './pip.cases.js'
import { pythonCases } from './python.cases.js'
import { replCases } from './repl.cases.js'
import { rubyCases } from './ruby.cases.js'
import { runtimeManagerCases } from './runtime-manager.cases.js'

let dev: PythonWorker | undefined

const server = (): PythonWorker => {
  if (!dev) throw new Error('the test Worker did not start')
  return dev
}

beforeAll(async () => {
  dev = await startPythonWorker()
}, 180_000)

afterAll(async () => {
  await dev?.stop()
})

pythonCases(server)
runtimeManagerCases(server)
pipCases(server)
replCases(server)
rubyCases(server)
clangCases(server)
