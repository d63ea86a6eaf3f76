import { describe, expect, it } from 'vitest'
import { createPipe } from './io.js'
import { parseKeys } from './lib/keys.js'
import { runCommand } from './testing.js'

/** Feeds keystrokes one chunk at a time, like a person typing into the terminal. */
const typing = (chunks: string[]) => {
  const { reader, writer } = createPipe()
  void (async () => {
    for (const c of chunks) await writer.write(c)
    writer.close()
  })()
  return Object.assign(reader, { isTTY: true })
}

const terminal = () => {
  const modes: boolean[] = []
  return { cols: 40, rows: 12, setRawMode: (raw: boolean) => void modes.push(raw), modes }
}

describe('nano', () => {
  it('edits and saves a new file with ^O, then exits with ^X', async () => {
    const term = terminal()
    const r = await runCommand('nano notes.txt', { stdin: typing(['hello', '\r', 'world', '\x0f', '\r', '\x18']), terminal: term, stdoutIsTTY: true })
    expect(r.code).toBe(0)
    expect(r.fs.readText('/home/user/notes.txt')).toBe('hello\nworld\n')
    expect(term.modes).toEqual([true, false])
    expect(r.stdout).toContain('\x1b[?1049h')
    expect(r.stdout.endsWith('\x1b[?1049l')).toBe(true)
  })

  it('asks before quitting with unsaved changes and saves on Y', async () => {
    const r = await runCommand('nano a.txt', { files: { 'a.txt': 'one\ntwo\n' }, stdin: typing(['\x1b[B', '\x05', '!', '\x18', 'y']), terminal: terminal(), stdoutIsTTY: true })
    expect(r.fs.readText('/home/user/a.txt')).toBe('one\ntwo!\n')
    expect(r.stdout).toContain('Save modified buffer?')
  })

  it('discards changes on N, and cuts and pastes lines', async () => {
    const r = await runCommand('nano a.txt', { files: { 'a.txt': '1\n2\n3\n' }, stdin: typing(['\x0b', '\x1b[B', '\x15', '\x13', 'x', '\x18', 'n']), terminal: terminal(), stdoutIsTTY: true })
    // ^K cuts "1"; down moves to "3"; ^U pastes above it; ^S saves; the later "x" is discarded by N.
    expect(r.fs.readText('/home/user/a.txt')).toBe('2\n1\n3\n')
  })

  it('refuses to run without a terminal', async () => {
    expect(await runCommand('nano f')).toMatchObject({ code: 1, stderr: 'nano: standard input is not a terminal\n' })
  })
})

describe('parseKeys', () => {
  it('splits text, control keys and escape sequences, keeping partial sequences', () => {
    const { keys, rest } = parseKeys('aé\x1b[A\x01\r\x1b[3~\x7f\x1b[')
    expect(keys).toEqual([
      { kind: 'char', ch: 'a' },
      { kind: 'char', ch: 'é' },
      { kind: 'key', name: 'up' },
      { kind: 'key', name: 'ctrl-a' },
      { kind: 'key', name: 'enter' },
      { kind: 'key', name: 'delete' },
      { kind: 'key', name: 'backspace' },
    ])
    expect(rest).toBe('\x1b[')
  })
})
