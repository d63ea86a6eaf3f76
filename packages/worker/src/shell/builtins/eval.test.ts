import { describe, expect, it } from 'vitest'
import { testShell } from '../testing/shell.js'

describe('eval', () => {
  it("runs its arguments as shell code", async () => {
    const sh = testShell()
    expect(await sh.run("cmd='x=5; echo $x'; eval \"$cmd\"")).toEqual({"stdout": "5\n", "stderr": "", "code": 0})
  })
})
