import { describe, expect, it } from 'vitest'
import { createTestVfs } from '../vfs/testing.js'
import { InteractiveShell, Shell } from './index.js'
import type { HistoryStore } from './types.js'

const tick = (ms = 20) => new Promise((r) => setTimeout(r, ms))

async function until(cond: () => boolean, ms = 3000): Promise<void> {
  const end = Date.now() + ms
  while (!cond()) {
    if (Date.now() > end) throw new Error('timed out')
    await tick(5)
  }
}

function setup() {
  const lines: string[] = []
  const history: HistoryStore = { list: () => lines.slice(), add: (l) => void lines.push(l), clear: () => void (lines.length = 0) }
  const shell = new Shell({ fs: createTestVfs(), cwd: '/home/user', history })
  let screen = ''
  const term = new InteractiveShell(shell, { write: (d) => void (screen += d), cols: 80, rows: 24 })
  term.start()
  return {
    term,
    lines,
    shell,
    screen: () => screen,
    clear: () => void (screen = ''),
    async type(data: string) {
      term.input(data)
      await tick()
      await until(() => !term.busy)
    },
  }
}

describe('interactive shell', () => {
  it('shows the prompt with ~ for HOME and runs a line', async () => {
    const t = setup()
    expect(t.screen()).toBe('user@nimbus:~$ ')
    await t.type('echo hello\r')
    expect(t.screen()).toBe('user@nimbus:~$ echo hello\r\nhello\r\nuser@nimbus:~$ ')
    expect(t.lines).toEqual(['echo hello'])
  })

  it('asks for continuation with > for an open quote', async () => {
    const t = setup()
    await t.type('echo "a\r')
    expect(t.screen().endsWith('> ')).toBe(true)
    await t.type('b"\r')
    expect(t.screen()).toContain('a\r\nb\r\n')
  })

  it('interrupts a running command with Ctrl-C (status 130)', async () => {
    const t = setup()
    t.term.input('while true; do :; done\r')
    await tick(50)
    expect(t.term.busy).toBe(true)
    t.term.input('\x03')
    await until(() => !t.term.busy)
    expect(t.screen()).toContain('^C')
    await t.type('echo $?\r')
    expect(t.screen()).toContain('130\r\n')
  })

  it('feeds typed lines to a running command (cooked mode)', async () => {
    const t = setup()
    t.term.input('read x; echo "got $x"\r')
    await tick(30)
    t.term.input('abc\r')
    await until(() => !t.term.busy)
    expect(t.screen()).toContain('abc\r\ngot abc\r\n')
  })

  it('completes commands and paths with Tab', async () => {
    const t = setup()
    await t.type('mkdir projects\r')
    t.clear()
    t.term.input('cd pro\t')
    expect(t.screen()).toContain('cd projects/')
    await t.type('\r')
    expect(t.screen()).toContain('user@nimbus:~/projects$ ')
  })

  it('stops a job with Ctrl-Z and resumes it with fg', async () => {
    const t = setup()
    t.term.input('sleep 0.3; echo finished\r')
    await tick(30)
    t.term.input('\x1a')
    await tick(20)
    expect(t.screen()).toMatch(/\[1\]\+\s+Stopped\s+sleep 0.3; echo finished/)
    await t.type('jobs\r')
    expect(t.screen()).toMatch(/\[1\]\+\s+Stopped/)
    await t.type('fg\r')
    expect(t.screen()).toContain('finished')
  })

  it('runs background jobs, lists them and kills them with %N', async () => {
    const t = setup()
    await t.type('sleep 100 &\r')
    expect(t.screen()).toMatch(/\[1\] \d+/)
    await t.type('jobs\r')
    expect(t.screen()).toMatch(/\[1\]\+\s+Running\s+sleep 100 &/)
    await t.type('kill %1\r')
    await tick(20)
    await t.type('\r')
    expect(t.screen()).toMatch(/\[1\]\+\s+Terminated\s+sleep 100/)
  })

  it('keeps the terminal responsive under an output flood: yes is stopped by Ctrl-C', async () => {
    const t = setup()
    let writes = 0
    const term = new InteractiveShell(t.shell, { write: () => void writes++, cols: 80, rows: 24 })
    term.start()
    term.input('yes\r')
    await tick(100)
    expect(term.busy).toBe(true)
    const before = writes
    expect(before).toBeGreaterThan(1)
    term.input('\x03')
    await until(() => !term.busy, 2000)
    // Output went out in batches, not one terminal write per line.
    expect(before).toBeLessThan(2000)
  })

  it('does not pass binary control bytes to the terminal', async () => {
    const t = setup()
    t.shell.opts.fs.writeFile('/home/user/bin.dat', new Uint8Array([0x00, 0x01, 0x41, 0xff, 0x0a]))
    t.clear()
    await t.type('cat bin.dat\r')
    expect(t.screen()).not.toMatch(/[\x00\x01]/)
    expect(t.screen()).toContain('A\ufffd\r\n')
  })

  it('Ctrl-D on an empty line runs exit and the prompt comes back', async () => {
    const t = setup()
    await t.type('\x04')
    expect(t.screen()).toContain('exit\r\n')
    expect(t.screen().endsWith('user@nimbus:~$ ')).toBe(true)
  })
})
