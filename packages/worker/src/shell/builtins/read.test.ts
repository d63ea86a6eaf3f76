import { describe, expect, it } from 'vitest'
import { testShell } from '../testing/shell.js'

describe('read', () => {
  it("splits a line into names, the last takes the rest", async () => {
    const sh = testShell()
    expect(await sh.run("read a b <<< \"one two three\"; echo \"$a|$b\"")).toEqual({"stdout": "one|two three\n", "stderr": "", "code": 0})
  })
  it("returns 1 at end of input", async () => {
    const sh = testShell()
    expect(await sh.run("read x < /dev/null; echo $?")).toEqual({"stdout": "1\n", "stderr": "", "code": 0})
  })
  it("reads lines one at a time in a loop", async () => {
    const sh = testShell()
    expect(await sh.run("printf 'a\\nb\\n' | while read l; do echo \"<$l>\"; done")).toEqual({"stdout": "<a>\n<b>\n", "stderr": "", "code": 0})
  })
})
