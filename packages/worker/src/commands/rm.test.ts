import { describe, expect, it } from 'vitest'
import { runCommand } from './testing.js'
import { parityCases } from './testing/parity.js'

describe('rm', () => {
  parityCases('rm')
  it('refuses / recursively', async () => {
    const r = await runCommand('rm -rf /')
    expect(r).toMatchObject({ code: 1, stderr: "rm: it is dangerous to operate recursively on '/'\nrm: use --no-preserve-root to override this failsafe\n" })
    expect(r.fs.exists('/home/user')).toBe(true)
  })
  it('-rv names every removed entry', async () => {
    const r = await runCommand('rm -rv d', { files: { 'd/a': '', 'd/e/b': '' } })
    expect(r.stdout.split('\n').sort().join('\n')).toBe("\nremoved 'd/a'\nremoved 'd/e/b'\nremoved directory 'd'\nremoved directory 'd/e'")
  })
})
