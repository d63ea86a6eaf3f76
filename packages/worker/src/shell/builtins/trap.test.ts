import { describe, expect, it } from 'vitest'
import { testShell } from '../testing/shell.js'

describe('trap', () => {
  it("runs the EXIT trap at the end", async () => {
    const sh = testShell()
    expect(await sh.run("trap 'echo bye' EXIT; echo hi")).toEqual({"stdout": "hi\nbye\n", "stderr": "", "code": 0})
  })
  it("runs an INT trap for kill -INT $$", async () => {
    const sh = testShell()
    expect(await sh.run("trap 'echo caught' INT; kill -INT $$; echo after")).toEqual({"stdout": "caught\nafter\n", "stderr": "", "code": 0})
  })
})
