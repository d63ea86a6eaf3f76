import { describe, expect, it } from 'vitest'
import { statusText } from './status.js'

describe('statusText', () => {
  it('names every state', () => {
    expect(statusText('connecting', { attempt: 0 })).toBe('connecting…')
    expect(statusText('open', { attempt: 0 })).toBe('connected')
    expect(statusText('closed', { attempt: 0 })).toBe('disconnected')
    expect(statusText('closed', { attempt: 0, closeCode: 4401, closeReason: 'token expired' })).toBe('disconnected: token expired')
  })

  it('says it is reconnecting, with the wait once it is long enough to notice', () => {
    expect(statusText('reconnecting', { attempt: 1, retryInMs: 250 })).toBe('reconnecting…')
    expect(statusText('reconnecting', { attempt: 1 })).toBe('reconnecting…')
    expect(statusText('reconnecting', { attempt: 5, retryInMs: 4200 })).toBe('reconnecting… (retry in 4 s)')
  })
})
