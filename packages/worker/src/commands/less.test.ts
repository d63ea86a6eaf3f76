import { describe, expect, it } from 'vitest'
import { runCommand } from './testing.js'

describe('less / more', () => {
  it('writes the text through', async () => {
    expect((await runCommand('less a', { files: { a: 'one\ntwo\n' } })).stdout).toBe('one\ntwo\n')
    expect((await runCommand('more', { stdin: 'piped\n' })).stdout).toBe('piped\n')
  })
  it('more shows banners between several files', async () => {
    expect((await runCommand('more a b', { files: { a: 'A\n', b: 'B\n' } })).stdout).toBe('::::::::::::::\na\n::::::::::::::\nA\n::::::::::::::\nb\n::::::::::::::\nB\n')
  })
  it('reports missing files', async () => {
    expect(await runCommand('less nope')).toMatchObject({ code: 1, stderr: 'less: nope: No such file or directory\n' })
  })
})
