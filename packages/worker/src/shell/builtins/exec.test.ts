import { describe, expect, it } from 'vitest'
import { testShell } from '../testing/shell.js'

describe('exec', () => {
  it("replaces the shell with the command", async () => {
    const sh = testShell()
    expect(await sh.run("exec echo replaced; echo never")).toEqual({"stdout": "replaced\n", "stderr": "", "code": 0})
  })
  it("redirects the shell itself without a command", async () => {
    const sh = testShell()
    expect(await sh.run("exec 3> f; echo x >&3; exec 3>&-; cat f")).toEqual({"stdout": "x\n", "stderr": "", "code": 0})
  })
})
