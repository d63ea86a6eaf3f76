import { describe, expect, it } from 'vitest'
import { testShell } from '../testing/shell.js'

describe('source', () => {
  it("runs a file in the current shell", async () => {
    const sh = testShell()
    expect(await sh.run("printf 'X=42\\nreturn 3\\necho no\\n' > lib.sh; . ./lib.sh; echo $? $X")).toEqual({"stdout": "3 42\n", "stderr": "", "code": 0})
  })
})
