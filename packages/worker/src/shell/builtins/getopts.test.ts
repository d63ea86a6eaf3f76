import { describe, expect, it } from 'vitest'
import { testShell } from '../testing/shell.js'

describe('getopts', () => {
  it("parses options with arguments", async () => {
    const sh = testShell()
    expect(await sh.run("set -- -a -b val rest; while getopts ab: o; do echo \"$o ${OPTARG-}\"; done; echo $OPTIND")).toEqual({"stdout": "a \nb val\n4\n", "stderr": "", "code": 0})
  })
})
