import { describe, expect, it } from 'vitest'
import { parseServerMessage } from './server-message.js'

describe('parseServerMessage', () => {
  it('accepts every server frame', () => {
    expect(parseServerMessage('{"t":"o","d":"hi"}')).toEqual({ t: 'o', d: 'hi' })
    expect(parseServerMessage('{"t":"h","d":"$ "}')).toEqual({ t: 'h', d: '$ ' })
    expect(parseServerMessage('{"t":"e","code":"E_FRAME_TOO_LARGE","error":"too big"}')).toEqual({
      t: 'e',
      code: 'E_FRAME_TOO_LARGE',
      error: 'too big',
    })
    expect(parseServerMessage('{"t":"pong"}')).toEqual({ t: 'pong' })
  })

  it('drops extra fields', () => {
    expect(parseServerMessage('{"t":"o","d":"x","extra":1}')).toEqual({ t: 'o', d: 'x' })
  })

  it('rejects malformed frames', () => {
    for (const raw of ['', 'nope', 'null', '[]', '{"t":"o"}', '{"t":"o","d":3}', '{"t":"e","code":"X"}', '{"t":"zz"}']) {
      expect(parseServerMessage(raw)).toBeUndefined()
    }
    expect(parseServerMessage(new ArrayBuffer(2))).toBeUndefined()
  })
})
