import { describe, expect, it } from 'vitest'
import { testShell } from '../testing/shell.js'

describe('unset', () => {
  it("removes variables, elements and functions", async () => {
    const sh = testShell()
    expect(await sh.run("x=1; a=(1 2 3); f() { :; }; unset x a[1] ; unset -f f; echo \"${x-none} ${a[@]}\"; type f >/dev/null 2>&1 || echo gone")).toEqual({"stdout": "none 1 3\ngone\n", "stderr": "", "code": 0})
  })
})
