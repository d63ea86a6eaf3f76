import { describe, expect, it } from 'vitest'
import { testShell } from '../testing/shell.js'

describe('set', () => {
  it("sets positional parameters and options", async () => {
    const sh = testShell()
    expect(await sh.run("set -- a b; echo $#; set -o pipefail; set -o | grep pipefail")).toEqual({"stdout": "2\npipefail       \ton\n", "stderr": "", "code": 0})
  })
})
