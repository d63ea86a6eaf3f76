import { describe, expect, it } from 'vitest'
import { parseDuration } from './duration.js'

describe('parseDuration', () => {
  it('reads units, combinations and bare seconds', () => {
    expect(parseDuration('1h')).toBe(3_600_000)
    expect(parseDuration('1h30m')).toBe(5_400_000)
    expect(parseDuration('90s')).toBe(90_000)
    expect(parseDuration('250ms')).toBe(250)
    expect(parseDuration('2d')).toBe(172_800_000)
    expect(parseDuration('600')).toBe(600_000)
  })
  it('rejects anything else', () => {
    for (const bad of ['', '1x', 'h', '-1h', '1.5h', '1 h']) expect(parseDuration(bad)).toBeUndefined()
  })
})
