import { describe, expect, it } from 'vitest'
import { LineEditor } from './line-editor.js'

const editor = (history: string[] = [], candidates: string[] = []) => {
  const e = new LineEditor({
    history: () => history,
    complete: (line, cursor) => {
      let start = cursor
      while (start > 0 && line[start - 1] !== ' ') start--
      const word = line.slice(start, cursor)
      return { start, candidates: candidates.filter((c) => c.startsWith(word)) }
    },
    cols: () => 80,
  })
  e.begin('$ ')
  return e
}

describe('line editor', () => {
  it('inserts text and submits on Enter', () => {
    const e = editor()
    const r = e.feed('echo hi\r')
    expect(r.events).toEqual([{ type: 'submit', line: 'echo hi' }])
  })

  it('moves with arrows, Home/End and Ctrl-A/E, and edits in the middle', () => {
    const e = editor()
    e.feed('ac\x1b[Db')
    expect([e.buffer, e.cursor]).toEqual(['abc', 2])
    e.feed('\x01X\x05Y')
    expect(e.buffer).toBe('XabcY')
    e.feed('\x1b[HZ\x1b[F!')
    expect(e.buffer).toBe('ZXabcY!')
  })

  it('kills with Ctrl-K, Ctrl-U and Ctrl-W', () => {
    const e = editor()
    e.feed('one two three\x17')
    expect(e.buffer).toBe('one two ')
    e.feed('\x01\x1b[C\x1b[C\x1b[C\x0b')
    expect(e.buffer).toBe('one')
    e.feed('\x15')
    expect(e.buffer).toBe('')
  })

  it('walks the history with up and down', () => {
    const e = editor(['first', 'second'])
    e.feed('draft\x1b[A')
    expect(e.buffer).toBe('second')
    e.feed('\x1b[A')
    expect(e.buffer).toBe('first')
    e.feed('\x1b[B\x1b[B')
    expect(e.buffer).toBe('draft')
  })

  it('searches backwards with Ctrl-R', () => {
    const e = editor(['git status', 'ls -la', 'git commit'])
    const r = e.feed('\x12git')
    expect(r.output).toContain("(reverse-i-search)`git': git commit")
    e.feed('\x12')
    const done = e.feed('\r')
    expect(done.events).toEqual([{ type: 'submit', line: 'git status' }])
  })

  it('completes a unique candidate and lists several on a second Tab', () => {
    const e = editor([], ['echo', 'env', 'export'])
    e.feed('ec\t')
    expect(e.buffer).toBe('echo ')
    const f = editor([], ['echo', 'env', 'export'])
    f.feed('e\t')
    const r = f.feed('\t')
    expect(r.output).toMatch(/echo +env +export/)
  })

  it('raises interrupt on Ctrl-C and eof on Ctrl-D only for an empty line', () => {
    const e = editor()
    expect(e.feed('abc\x03').events).toEqual([{ type: 'interrupt' }])
    expect(e.buffer).toBe('')
    expect(e.feed('\x04').events).toEqual([{ type: 'eof' }])
    e.feed('xy\x1b[D\x04')
    expect(e.buffer).toBe('x')
  })

  it('clears the screen on Ctrl-L', () => {
    const e = editor()
    expect(e.feed('ab\x0c').output).toContain('\x1b[2J')
  })
})
