import { describe, expect, it } from 'vitest'
import { testShell } from '../testing/shell.js'

describe('jobs', () => {
  it("lists background jobs and waits for them", async () => {
    const sh = testShell()
    expect(await sh.run("sleep 0.05 & jobs; wait %1; echo $?")).toEqual({"stdout": "[1]+  Running                 sleep 0.05 &\n0\n", "stderr": "", "code": 0})
  })
  it("kills a job by its spec", async () => {
    const sh = testShell()
    expect(await sh.run("sleep 10 & kill %1; wait %1; echo $?")).toEqual({"stdout": "143\n", "stderr": "", "code": 0})
  })
})
