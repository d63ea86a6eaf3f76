import { describe, expect, it } from 'vitest'
import { testShell } from '../testing/shell.js'

describe('flow', () => {
  it("break and continue reach outer loops", async () => {
    const sh = testShell()
    expect(await sh.run("for i in 1 2; do for j in a b; do [ $j = b ] && continue 2; echo $i$j; done; done")).toEqual({"stdout": "1a\n2a\n", "stderr": "", "code": 0})
  })
  it("return sets the function status", async () => {
    const sh = testShell()
    expect(await sh.run("f() { return 4; }; f; echo $?")).toEqual({"stdout": "4\n", "stderr": "", "code": 0})
  })
})
