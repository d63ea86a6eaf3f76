import { describe, expect, it } from 'vitest'
import { testShell } from '../testing/shell.js'

describe('cd', () => {
  it("changes directory and keeps OLDPWD", async () => {
    const sh = testShell()
    expect(await sh.run("mkdir -p a/b; cd a/b; pwd; cd -; echo $OLDPWD")).toEqual({"stdout": "/home/user/a/b\n/home/user\n/home/user/a/b\n", "stderr": "", "code": 0})
  })
  it("fails on missing directories", async () => {
    const sh = testShell()
    expect(await sh.run("cd nope")).toEqual({"stdout": "", "stderr": "bash: cd: nope: No such file or directory\n", "code": 1})
  })
})
