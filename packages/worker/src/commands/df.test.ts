import { describe, expect, it } from 'vitest'
import { runCommand } from './testing.js'

describe('df', () => {
  it('shows the sandbox filesystem with a header', async () => {
    const r = await runCommand('df')
    const [head, row] = r.stdout.trimEnd().split('\n')
    expect(head).toMatch(/^Filesystem +1K-blocks +Used +Available +Use% +Mounted on$/)
    expect(row).toMatch(/^nimbus +\d+ +\d+ +\d+ +\d+% +\/$/)
  })
  it('-h uses human sizes', async () => {
    expect((await runCommand('df -h')).stdout).toMatch(/Size +Used +Avail/)
  })
})
