import { describe, expect, it } from 'vitest'
import { runCommand } from './testing.js'

describe('system information commands', () => {
  it('whoami and id name the sandbox user', async () => {
    expect((await runCommand('whoami')).stdout).toBe('user\n')
    expect((await runCommand('id')).stdout).toBe('uid=1000(user) gid=1000(user) groups=1000(user)\n')
    expect((await runCommand('id -un')).stdout).toBe('user\n')
    expect((await runCommand('id -g')).stdout).toBe('1000\n')
  })
  it('hostname reads /etc/hostname and uname reports Linux', async () => {
    expect((await runCommand('hostname')).stdout).toBe('nimbus\n')
    expect((await runCommand('uname')).stdout).toBe('Linux\n')
    expect((await runCommand('uname -sn')).stdout).toBe('Linux nimbus\n')
    expect((await runCommand('uname -a')).stdout).toMatch(/^Linux nimbus \S+ .* x86_64 GNU\/Linux\n$/)
  })
  it('date formats fixed dates in UTC', async () => {
    expect((await runCommand(['date', '-d', '2024-03-05 07:08:09', '+%Y-%m-%d %H:%M:%S %a %b %j %s'])).stdout).toBe('2024-03-05 07:08:09 Tue Mar 065 1709622489\n')
    expect((await runCommand(['date', '-d', '@0'])).stdout).toBe('Thu Jan  1 00:00:00 UTC 1970\n')
    expect((await runCommand(['date', '-u', '-d', '@86400', '-I'])).stdout).toBe('1970-01-02\n')
    expect(await runCommand(['date', '-d', 'garbage'])).toMatchObject({ code: 1, stderr: 'date: invalid date \u2018garbage\u2019\n' })
  })
  it('clear writes the clear-screen sequence', async () => {
    expect((await runCommand('clear')).stdout).toBe('\x1b[H\x1b[2J\x1b[3J')
  })
  it('nproc, uptime and ps print something sensible', async () => {
    expect((await runCommand('nproc')).stdout).toMatch(/^\d+\n$/)
    expect((await runCommand('uptime')).stdout).toMatch(/^ \d\d:\d\d:\d\d up \d+ min, {2}1 user, {2}load average: 0\.00, 0\.00, 0\.00\n$/)
    expect((await runCommand('ps')).stdout).toBe('    PID TTY          TIME CMD\n      1 pts/0    00:00:00 ps\n')
  })
  it('help lists commands and shows one command help', async () => {
    expect((await runCommand('help')).stdout).toContain('grep')
    expect((await runCommand('help head')).stdout).toMatch(/^Usage: head/)
    expect((await runCommand('help nope')).code).toBe(1)
  })
})

describe('timeout', () => {
  it('stops a long command with 124', async () => {
    const t = Date.now()
    expect((await runCommand('timeout 0.05 sleep 10')).code).toBe(124)
    expect(Date.now() - t).toBeLessThan(2000)
  })
  it('passes through the exit status of a quick command', async () => {
    expect((await runCommand('timeout 5 false')).code).toBe(1)
    expect((await runCommand('timeout 5 echo hi')).stdout).toBe('hi\n')
  })
  it('rejects a bad duration with 125', async () => {
    expect((await runCommand('timeout x true')).code).toBe(125)
  })
})

describe('watch', () => {
  it('needs a terminal', async () => {
    expect(await runCommand('watch ls')).toMatchObject({ code: 1, stderr: 'Error opening terminal: unknown.\n' })
  })
})
