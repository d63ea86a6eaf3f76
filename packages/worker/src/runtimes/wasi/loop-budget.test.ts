import { describe, expect, it } from 'vitest'
import { BUDGET_EXPORT, addLoopBudget } from './loop-budget.js'

const leb = (n: number): number[] => {
  const out: number[] = []
  do {
    let b = n & 0x7f
    n >>>= 7
    if (n) b |= 0x80
    out.push(b)
  } while (n)
  return out
}
const section = (id: number, bytes: number[]) => [id, ...leb(bytes.length), ...bytes]
const name = (s: string) => [...leb(s.length), ...new TextEncoder().encode(s)]

/**
 * A module with one imported global, one defined global, and two exported functions:
 * `sum(n)` adds 1..n in a loop (with a block, br_if, locals and a memory store), and
 * `spin()` loops for ever. A `name` custom section rides along.
 */
function sampleModule(): Uint8Array {
  const types = section(1, [2, 0x60, 1, 0x7f, 1, 0x7f, 0x60, 0, 0])
  const imports = section(2, [1, ...name('env'), ...name('base'), 0x03, 0x7f, 0x00])
  const funcs = section(3, [2, 0, 1])
  const memory = section(5, [1, 0x00, 1])
  const globals = section(6, [1, 0x7f, 0x01, 0x41, 0x00, 0x0b])
  const exports = section(7, [3, ...name('sum'), 0x00, 0, ...name('spin'), 0x00, 1, ...name('memory'), 0x02, 0])
  // sum: local acc i32; block loop: if n == 0 br 1; acc += n; n -= 1; store acc at 0; br 0
  const sum = [
    1, 1, 0x7f,
    0x02, 0x40, 0x03, 0x40,
    0x20, 0, 0x45, 0x0d, 1,
    0x20, 1, 0x20, 0, 0x6a, 0x21, 1,
    0x20, 0, 0x41, 1, 0x6b, 0x21, 0,
    0x41, 0, 0x20, 1, 0x36, 2, 0,
    0x0c, 0, 0x0b, 0x0b,
    0x20, 1, 0x23, 0, 0x6a, 0x0b,
  ]
  const spin = [0, 0x03, 0x40, 0x0c, 0, 0x0b, 0x0b]
  const code = section(10, [2, ...leb(sum.length), ...sum, ...leb(spin.length), ...spin])
  const names = section(0, [...name('name'), 1, 2, 3])
  return Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...types, ...imports, ...funcs, ...memory, ...globals, ...exports, ...code, ...names])
}

// These tests run in Node, which compiles wasm from bytes (workerd's types declare it impossible).
const { Module, Instance } = WebAssembly as unknown as {
  Module: new (bytes: Uint8Array) => WebAssembly.Module
  Instance: new (module: WebAssembly.Module, imports: object) => WebAssembly.Instance
}
const instantiate = (bytes: Uint8Array): WebAssembly.Instance => new Instance(new Module(bytes), { env: { base: new WebAssembly.Global({ value: 'i32', mutable: false }, 100) } })

describe('addLoopBudget', () => {
  it('leaves what a program computes unchanged', () => {
    const { binary, instrumented } = addLoopBudget(sampleModule())
    expect(instrumented).toBe(true)
    expect(WebAssembly.validate(binary)).toBe(true)
    const exports = instantiate(binary).exports as { sum(n: number): number }
    expect(exports.sum(10)).toBe(155)
    expect((instantiate(sampleModule()).exports as { sum(n: number): number }).sum(10)).toBe(155)
  })

  it('traps a loop that runs past its budget, and the budget tells it apart from other traps', () => {
    const exports = instantiate(addLoopBudget(sampleModule()).binary).exports as Record<string, unknown>
    const budget = exports[BUDGET_EXPORT] as WebAssembly.Global
    budget.value = 1000n
    expect(() => (exports.spin as () => void)()).toThrow(WebAssembly.RuntimeError)
    expect(budget.value).toBe(0n)
    // Spent stays spent: code that catches the trap and loops again traps at once.
    expect(() => (exports.spin as () => void)()).toThrow(WebAssembly.RuntimeError)
    expect(budget.value).toBe(-1n)
    budget.value = 5n
    expect(() => (exports.sum as (n: number) => number)(10)).toThrow(WebAssembly.RuntimeError)
    budget.value = 100n
    expect((exports.sum as (n: number) => number)(10)).toBe(155)
    expect(budget.value).toBe(89n)
  })

  it('drops the name section and returns modules it does not understand unchanged', () => {
    const { binary } = addLoopBudget(sampleModule())
    expect(WebAssembly.Module.customSections(new Module(binary), 'name')).toHaveLength(0)
    // A SIMD instruction (0xfd prefix) in a body: not rewritten.
    const simd = Uint8Array.from([0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0, ...section(1, [1, 0x60, 0, 0]), ...section(3, [1, 0]), ...section(10, [1, 5, 0, 0xfd, 0x0c, 0x0b, 0x0b])])
    expect(addLoopBudget(simd)).toEqual({ binary: simd, instrumented: false })
  })
})
