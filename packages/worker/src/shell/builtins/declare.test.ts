import { describe, expect, it } from 'vitest'
import { testShell } from '../testing/shell.js'

describe('declare', () => {
  it("makes function-local variables and arrays", async () => {
    const sh = testShell()
    expect(await sh.run("x=g; f() { local x=l; local -a arr=(1 2); declare y=2; echo $x ${#arr[@]} $y; }; f; echo $x ${y-unset}")).toEqual({"stdout": "l 2 2\ng unset\n", "stderr": "", "code": 0})
  })
  it("supports integer and readonly attributes", async () => {
    const sh = testShell()
    expect(await sh.run("declare -i n=2+3; readonly r=1; echo $n; r=2")).toEqual({"stdout": "5\n", "stderr": "bash: r: readonly variable\n", "code": 1})
  })
})
