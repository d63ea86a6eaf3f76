import { describe, expect, it } from 'vitest'
import { collectOutput, createPipe, emptyInput, stringInput } from './io.js'
import { BrokenPipeError } from './types.js'

describe('stringInput / emptyInput', () => {
  it('yields the data once, then end of input', async () => {
    const inp = stringInput('a\nb')
    expect(await inp.readText()).toBe('a\nb')
    expect(await inp.read()).toBeNull()
    expect(await emptyInput().read()).toBeNull()
  })
  it('iterates lines without newlines, keeping a last partial line', async () => {
    const out: string[] = []
    for await (const l of stringInput('x\n\ny\nz').lines()) out.push(l)
    expect(out).toEqual(['x', '', 'y', 'z'])
  })
})

describe('collectOutput', () => {
  it('keeps bytes exactly', async () => {
    const o = collectOutput()
    await o.write(new Uint8Array([0xff, 0x00]))
    await o.write('é')
    expect([...o.bytes()]).toEqual([0xff, 0x00, 0xc3, 0xa9])
    expect(o.stream).toBe(o)
  })
})

describe('createPipe', () => {
  it('streams chunks and ends when the writer closes', async () => {
    const { reader, writer } = createPipe()
    const done = (async () => {
      await writer.write('hello ')
      await writer.write('world')
      writer.close()
    })()
    expect(await reader.readText()).toBe('hello world')
    await done
  })

  it('makes writers wait when the buffer is full', async () => {
    const { reader, writer } = createPipe(4)
    let written = 0
    const producer = (async () => {
      for (let i = 0; i < 5; i++) {
        await writer.write('abcd')
        written++
      }
      writer.close()
    })()
    await new Promise((r) => setTimeout(r, 10))
    expect(written).toBe(0)
    await reader.read()
    await new Promise((r) => setTimeout(r, 0))
    expect(written).toBe(1)
    expect((await reader.readText()).length).toBe(16)
    await producer
    expect(written).toBe(5)
  })

  it('fails blocked and later writes with BrokenPipeError once the reader closes', async () => {
    const { reader, writer } = createPipe(2)
    const blocked = writer.write('abc')
    reader.close()
    await expect(blocked).rejects.toBeInstanceOf(BrokenPipeError)
    await expect(writer.write('x')).rejects.toBeInstanceOf(BrokenPipeError)
  })

  it('keeps a UTF-8 character split across chunks intact in lines()', async () => {
    const { reader, writer } = createPipe()
    const bytes = new TextEncoder().encode('né\nü')
    void (async () => {
      for (const b of bytes) await writer.write(new Uint8Array([b]))
      writer.close()
    })()
    const lines: string[] = []
    for await (const l of reader.lines()) lines.push(l)
    expect(lines).toEqual(['né', 'ü'])
  })
})
