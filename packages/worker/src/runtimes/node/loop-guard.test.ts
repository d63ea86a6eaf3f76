import { describe, expect, it } from 'vitest'
import { guardLoops } from './loop-guard.js'

const g = (s: string) => guardLoops(s, 'T()')

describe('guardLoops', () => {
  it('guards while, do-while and classic for conditions', () => {
    expect(g('while (true) { i++ }')).toBe('while (T() && (true)) { i++ }')
    expect(g('do { x() } while (a < b)')).toBe('do { x() } while (T() && (a < b))')
    expect(g('for (let i = 0; i < n; i++) f(i)')).toBe('for (let i = 0; T() && ( i < n); i++) f(i)')
    expect(g('for (;;) {}')).toBe('for (; T();) {}')
  })
  it('leaves for-of, for-in and for-await alone', () => {
    for (const s of ['for (const x of xs) {}', 'for (k in o) {}', 'for await (const c of s) {}']) expect(g(s)).toBe(s)
  })
  it('ignores loop words in strings, comments, templates and regexes', () => {
    const s = 'const a = "while (x)"; // for (;;)\n/* while(1) */ const t = `for (${"a"};;)`; const r = /while (x)/g'
    expect(g(s)).toBe(s)
  })
  it('handles nested parentheses and semicolons inside the head', () => {
    expect(g('for (let i = f(a, b); i < g(1); i++) {}')).toBe('for (let i = f(a, b); T() && ( i < g(1)); i++) {}')
    expect(g('while ((m = re.exec(s)) !== null) {}')).toBe('while (T() && ((m = re.exec(s)) !== null)) {}')
  })
  it('does not touch identifiers that merely contain loop words', () => {
    expect(g('const forEach = whilex(1); obj.while(2)')).toBe('const forEach = whilex(1); obj.while(2)')
  })
  it('returns the source unchanged when a string is unterminated', () => {
    expect(g('while (x) { "oops }')).toBe('while (x) { "oops }')
  })
})
