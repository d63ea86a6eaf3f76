import { describe, expect, it } from 'vitest'
import { backoffDelay, DEFAULT_BACKOFF } from './backoff.js'

describe('backoffDelay', () => {
  it('grows exponentially from the base delay', () => {
    const top = () => 1
    expect(backoffDelay(0, DEFAULT_BACKOFF, top)).toBe(250)
    expect(backoffDelay(1, DEFAULT_BACKOFF, top)).toBe(500)
    expect(backoffDelay(2, DEFAULT_BACKOFF, top)).toBe(1000)
    expect(backoffDelay(3, DEFAULT_BACKOFF, top)).toBe(2000)
  })

  it('never exceeds the cap, even after many attempts', () => {
    for (const attempt of [6, 10, 50, 1000, Number.MAX_SAFE_INTEGER]) {
      const d = backoffDelay(attempt, DEFAULT_BACKOFF, () => 1)
      expect(d).toBe(DEFAULT_BACKOFF.maxMs)
    }
  })

  it('keeps jitter within the upper half of the exponential delay', () => {
    expect(backoffDelay(2, DEFAULT_BACKOFF, () => 0)).toBe(500)
    expect(backoffDelay(2, DEFAULT_BACKOFF, () => 0.5)).toBe(750)
    const seen = new Set<number>()
    for (let i = 0; i < 50; i++) {
      const d = backoffDelay(3, DEFAULT_BACKOFF)
      expect(d).toBeGreaterThanOrEqual(1000)
      expect(d).toBeLessThanOrEqual(2000)
      seen.add(d)
    }
    expect(seen.size).toBeGreaterThan(1)
  })

  it('treats negative or fractional attempts as the first', () => {
    expect(backoffDelay(-3, DEFAULT_BACKOFF, () => 1)).toBe(250)
    expect(backoffDelay(0.7, DEFAULT_BACKOFF, () => 1)).toBe(250)
  })

  it('clamps a random source that strays outside [0, 1]', () => {
    expect(backoffDelay(0, DEFAULT_BACKOFF, () => 7)).toBe(250)
    expect(backoffDelay(0, DEFAULT_BACKOFF, () => -1)).toBe(125)
  })
})
