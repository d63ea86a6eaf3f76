import { describe, expect, it } from 'vitest'
import { runCommand } from './testing.js'

describe('echo', () => {
  it('joins arguments with spaces', async () => {
    expect((await runCommand(['echo', 'a', 'b  c'])).stdout).toBe('a b  c\n')
  })
  it('-n drops the newline and -e expands escapes', async () => {
    expect((await runCommand(['echo', '-n', 'x'])).stdout).toBe('x')
    expect((await runCommand(['echo', '-e', 'a\\tb\\n\\x41\\0101'])).stdout).toBe('a\tb\nAA\n')
    expect((await runCommand(['echo', '-e', 'a\\cb'])).stdout).toBe('a')
  })
  it('treats unknown options and --help as words, like bash', async () => {
    expect((await runCommand(['echo', '-x', '--help'])).stdout).toBe('-x --help\n')
    expect((await runCommand(['echo', '-ne', 'q'])).stdout).toBe('q')
  })
  it('writes raw bytes for \\x escapes', async () => {
    expect([...(await runCommand(['echo', '-ne', '\\xff'])).stdoutBytes]).toEqual([0xff])
  })
})
