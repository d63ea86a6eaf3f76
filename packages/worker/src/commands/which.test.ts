import { describe, expect, it } from 'vitest'
import { runCommand } from './testing.js'

describe('which', () => {
  it('finds built-in commands in /usr/bin and executables on PATH', async () => {
    const r = await runCommand('which ls nope tool', { files: { '/usr/local/bin/tool': '#!/bin/sh\n' } })
    expect(r.stdout).toBe('/usr/bin/ls\n')
    expect(r.code).toBe(1)
    r.fs.chmod('/usr/local/bin/tool', 0o755)
    expect((await runCommand('which tool', { fs: r.fs })).stdout).toBe('/usr/local/bin/tool\n')
  })
})
