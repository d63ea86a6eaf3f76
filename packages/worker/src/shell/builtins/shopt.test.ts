import { describe, expect, it } from 'vitest'
import { testShell } from '../testing/shell.js'

describe('shopt', () => {
  it("toggles nullglob", async () => {
    const sh = testShell()
    expect(await sh.run("echo *.none; shopt -s nullglob; echo *.none end")).toEqual({"stdout": "*.none\nend\n", "stderr": "", "code": 0})
  })
})
