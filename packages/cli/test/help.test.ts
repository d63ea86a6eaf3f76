import { describe, expect, it, beforeAll } from 'vitest'
import { tmpdir } from 'node:os'
import { ensureCliBuilt, runCli } from './helpers/cli.js'
import { commands } from '../src/commands/index.js'

beforeAll(() => ensureCliBuilt(), 120_000)
const cwd = tmpdir()

describe('nimbus help, usage errors and colour', () => {
  it('prints root help with every command and the exit codes', async () => {
    const run = await runCli(['--help'], { cwd })
    expect(run.code).toBe(0)
    for (const c of commands) expect(run.stdout).toContain(c.command)
    expect(run.stdout).toContain('Exit codes:')
    expect(run.stdout).not.toContain('\u001b[')
    expect((await runCli([], { cwd })).stdout).toBe(run.stdout)
  })

  it('every command answers --help with usage, options and exit codes', async () => {
    for (const c of commands) {
      const run = await runCli([...c.command.split(' '), '--help'], { cwd })
      expect(run.code).toBe(0)
      expect(run.stdout).toContain(`Usage: nimbus ${c.command}`)
      expect(run.stdout).toContain('Exit codes:')
      expect(run.stdout).toContain('--help')
      if (c.json) expect(run.stdout).toContain('--json')
    }
  })

  it('namespaces list their commands', async () => {
    const run = await runCli(['setup'], { cwd })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('setup cloudflare')
    const unknown = await runCli(['setup', 'aws'], { cwd })
    expect(unknown.code).toBe(2)
    expect(unknown.stderr).toContain('unknown command "setup aws"')
  })

  it('unknown commands and flags exit 2 with a pointer to help', async () => {
    const cmd = await runCli(['deploy'], { cwd })
    expect(cmd.code).toBe(2)
    expect(cmd.stderr).toContain('unknown command "deploy"')
    expect(cmd.stderr).toContain('nimbus --help')
    const flag = await runCli(['init', '--nope'], { cwd })
    expect(flag.code).toBe(2)
    expect(flag.stderr).toContain("Unknown option '--nope'")
    expect(flag.stderr).toContain('nimbus init --help')
    const extra = await runCli(['init', 'a', 'b'], { cwd })
    expect(extra.code).toBe(2)
    expect(extra.stderr).toContain('unexpected argument "b"')
  })

  it('`nimbus help <command>` is `<command> --help`', async () => {
    const run = await runCli(['help', 'token', 'mint'], { cwd })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Usage: nimbus token mint --tenant <id> [options]')
    expect((await runCli(['help'], { cwd })).stdout).toContain('Usage: nimbus <command> [options]')
  })

  it('prints the package version', async () => {
    const run = await runCli(['--version'], { cwd })
    expect(run.stdout.trim()).toMatch(/^\d+\.\d+\.\d+/)
  })
})
