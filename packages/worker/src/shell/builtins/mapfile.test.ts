import { describe, expect, it } from 'vitest'
import { testShell } from '../testing/shell.js'

describe('mapfile', () => {
  it("reads lines into an array", async () => {
    const sh = testShell()
    expect(await sh.run("printf 'a\\nb\\n' | { mapfile -t L; echo ${#L[@]} ${L[1]}; }")).toEqual({"stdout": "2 b\n", "stderr": "", "code": 0})
  })
})
