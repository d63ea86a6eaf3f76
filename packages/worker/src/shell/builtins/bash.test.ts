import { describe, expect, it } from 'vitest'
import { testShell } from '../testing/shell.js'

describe('bash', () => {
  it("runs -c commands and script files", async () => {
    const sh = testShell()
    expect(await sh.run("bash -c 'echo $0 $1' n a; printf 'echo file $1\\n' > s.sh; bash s.sh x; sh -c 'exit 3'; echo $?")).toEqual({"stdout": "n a\nfile x\n3\n", "stderr": "", "code": 0})
  })
})
