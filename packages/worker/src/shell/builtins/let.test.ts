import { describe, expect, it } from 'vitest'
import { testShell } from '../testing/shell.js'

describe('let', () => {
  it("evaluates arithmetic", async () => {
    const sh = testShell()
    expect(await sh.run("let x=3*4 y=x+1; echo $x $y; let 0; echo $?")).toEqual({"stdout": "12 13\n1\n", "stderr": "", "code": 0})
  })
})
