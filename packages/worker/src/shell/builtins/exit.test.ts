import { describe, expect, it } from 'vitest'
import { testShell } from '../testing/shell.js'

describe('exit', () => {
  it("ends the shell with a status", async () => {
    const sh = testShell()
    expect(await sh.run("echo a; exit 7; echo b")).toEqual({"stdout": "a\n", "stderr": "", "code": 7})
  })
  it("needs a numeric argument", async () => {
    const sh = testShell()
    expect(await sh.run("exit foo")).toEqual({"stdout": "", "stderr": "bash: exit: foo: numeric argument required\n", "code": 2})
  })
})
