import { describe, expect, it } from 'vitest'
import { evaluateArith } from './arith.js'

const scope = (vars: Record<string, string> = {}) => ({
  get: (n: string) => vars[n],
  set: (n: string, v: string) => {
    vars[n] = v
  },
})

describe('arithmetic', () => {
  it('follows C precedence and associativity', () => {
    expect(evaluateArith('1 + 2 * 3 - 4 / 2', scope())).toBe(5n)
    expect(evaluateArith('2 ** 3 ** 2', scope())).toBe(512n)
    expect(evaluateArith('-7 / 2', scope())).toBe(-3n)
    expect(evaluateArith('1 ? 2 : 3', scope())).toBe(2n)
  })

  it('reads and assigns variables', () => {
    const v: Record<string, string> = { a: '5', b: 'a + 1' }
    expect(evaluateArith('b * 2', scope(v))).toBe(12n)
    expect(evaluateArith('a++ + ++a', scope(v))).toBe(12n)
    expect(v.a).toBe('7')
    evaluateArith('a += 3, c = a << 1', scope(v))
    expect(v.c).toBe('20')
  })

  it('uses 64-bit integers', () => {
    expect(evaluateArith('2**63', scope())).toBe(-9223372036854775808n)
    expect(evaluateArith('0x10 + 010 + 2#11', scope())).toBe(27n)
  })

  it('reports errors like bash', () => {
    expect(() => evaluateArith('1/0', scope())).toThrow('division by 0')
    expect(() => evaluateArith('1 +', scope())).toThrow('operand expected')
  })
})
