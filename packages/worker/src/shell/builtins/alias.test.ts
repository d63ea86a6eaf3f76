import { describe, expect, it } from 'vitest'
import { testShell } from '../testing/shell.js'

describe('alias', () => {
  it("defines, lists and removes aliases", async () => {
    const sh = testShell()
    expect(await sh.run("shopt -s expand_aliases\nalias hi='echo hello'\nhi; alias; unalias hi; alias hi")).toEqual({"stdout": "hello\nalias hi='echo hello'\n", "stderr": "bash: alias: hi: not found\n", "code": 1})
  })
})
