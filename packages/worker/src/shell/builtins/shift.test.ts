import { describe, expect, it } from 'vitest'
import { testShell } from '../testing/shell.js'

describe('shift', () => {
  it("drops positional parameters", async () => {
    const sh = testShell()
    expect(await sh.run("set -- 1 2 3; shift 2; echo \"$@\"; shift 5; echo $?")).toEqual({"stdout": "3\n1\n", "stderr": "", "code": 0})
  })
})
