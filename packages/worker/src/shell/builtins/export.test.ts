import { describe, expect, it } from 'vitest'
import { testShell } from '../testing/shell.js'

describe('export', () => {
  it("exports to child shells", async () => {
    const sh = testShell()
    expect(await sh.run("export A=1; B=2; bash -c 'echo \"$A-$B\"'")).toEqual({"stdout": "1-\n", "stderr": "", "code": 0})
  })
  it("rejects invalid names", async () => {
    const sh = testShell()
    expect(await sh.run("export 1x=2")).toEqual({"stdout": "", "stderr": "bash: export: `1x=2': not a valid identifier\n", "code": 1})
  })
})
