import { describe, expect, it } from 'vitest'
import { runCommand, splitWords } from './testing.js'

describe('splitWords', () => {
  it('honours quotes and backslashes', () => {
    expect(splitWords(`a 'b c' "d \\"e\\"" f\\ g ''`)).toEqual(['a', 'b c', 'd "e"', 'f g', ''])
  })
})

describe('runCommand', () => {
  it('runs a registered command and collects its output', async () => {
    expect(await runCommand('echo hi there')).toMatchObject({ stdout: 'hi there\n', stderr: '', code: 0 })
  })
  it('reports an unknown command like bash', async () => {
    expect(await runCommand('nope')).toMatchObject({ stderr: 'bash: nope: command not found\n', code: 127 })
  })
  it('starts in /home/user with relative files placed there', async () => {
    const r = await runCommand('pwd', { files: { 'a.txt': 'x' } })
    expect(r.stdout).toBe('/home/user\n')
    expect(r.fs.readText('/home/user/a.txt')).toBe('x')
  })
})
