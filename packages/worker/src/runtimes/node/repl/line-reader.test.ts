import { describe, expect, it } from 'vitest'
import { collectOutput } from '../../../commands/io.js'
import type { InputStream } from '../../../commands/types.js'
import { LineReader } from './line-reader.js'

/** An input that hands out the given chunks one read at a time, like keystrokes. */
function keys(...chunks: string[]): InputStream {
  const queue = chunks.map((c) => new TextEncoder().encode(c))
  return {
    isTTY: true,
    read: async () => queue.shift() ?? null,
    readAll: async () => new Uint8Array(),
    readText: async () => '',
    lines: async function* () {},
  }
}

describe('LineReader', () => {
  it('echoes keys, handles backspace and drops escape sequences', async () => {
    const out = collectOutput()
    const r = new LineReader(keys('ab', 'x\x7f', '\x1b[A', 'c\r'), out, true)
    expect(await r.readLine('> ')).toBe('abc')
    expect(out.text()).toBe('> abx\b \bc\r\n')
  })

  it('splits pasted lines and reports Ctrl-C and Ctrl-D', async () => {
    const r = new LineReader(keys('one\r\ntwo\npart\x03', '\x04ignored?\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x7f\x04'), collectOutput(), true)
    expect(await r.readLine('> ')).toBe('one')
    expect(await r.readLine('> ')).toBe('two')
    expect(await r.readLine('> ')).toEqual({ interrupt: true, text: 'part' })
    expect(await r.readLine('> ')).toBeNull()
    // Ctrl-D on a non-empty line is ignored; once the line is empty it ends the input.
    expect(await r.readLine('> ')).toBeNull()
  })

  it('ends with the last unterminated line, then null', async () => {
    const r = new LineReader(keys('last'), collectOutput(), false)
    expect(await r.readLine('> ')).toBe('last')
    expect(await r.readLine('> ')).toBeNull()
  })
})
