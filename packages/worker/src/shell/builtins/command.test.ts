import { describe, expect, it } from 'vitest'
import { testShell } from '../testing/shell.js'

describe('command', () => {
  it("describes names", async () => {
    const sh = testShell()
    expect(await sh.run("f() { :; }; type cd; type -t f; command -v cd; type nosuch")).toEqual({"stdout": "cd is a shell builtin\nfunction\ncd\n", "stderr": "bash: type: nosuch: not found\n", "code": 1})
  })
  it("bypasses functions", async () => {
    const sh = testShell()
    expect(await sh.run("echo() { printf \"fn\\n\"; }; command echo real")).toEqual({"stdout": "real\n", "stderr": "", "code": 0})
  })
})
