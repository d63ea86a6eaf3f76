import { describe, expect, it } from 'vitest'
import { diffLines, isBinary, unifiedHunks } from './diff-text.js'

describe('line diff', () => {
  it('finds a shortest edit script', () => {
    const ops = diffLines(['a', 'b', 'c', 'a', 'b', 'b', 'a'], ['c', 'b', 'a', 'b', 'a', 'c'])
    expect(ops.filter((e) => e.op !== ' ')).toHaveLength(5)
    expect(ops.filter((e) => e.op !== '+').map((e) => e.line)).toEqual(['a', 'b', 'c', 'a', 'b', 'b', 'a'])
    expect(ops.filter((e) => e.op !== '-').map((e) => e.line)).toEqual(['c', 'b', 'a', 'b', 'a', 'c'])
  })

  it('prints unified hunks like git diff', () => {
    const a = Array.from({ length: 20 }, (_, i) => `line ${i + 1}`).join('\n') + '\n'
    const b = a.replace('line 2\n', 'line two\n').replace('line 18\n', '')
    expect(unifiedHunks(a, b).text).toBe(
      '@@ -1,5 +1,5 @@\n line 1\n-line 2\n+line two\n line 3\n line 4\n line 5\n' +
        '@@ -15,6 +15,5 @@\n line 15\n line 16\n line 17\n-line 18\n line 19\n line 20\n',
    )
    expect(unifiedHunks('', 'new\n').text).toBe('@@ -0,0 +1 @@\n+new\n')
    expect(unifiedHunks('same\n', 'same\n').text).toBe('')
  })

  it('marks a missing final newline', () => {
    expect(unifiedHunks('a\nb', 'a\nb\n').text).toBe('@@ -1,2 +1,2 @@\n a\n-b\n\\ No newline at end of file\n+b\n')
  })

  it('detects binary content', () => {
    expect(isBinary(new Uint8Array([65, 0, 66]))).toBe(true)
    expect(isBinary(new TextEncoder().encode('text'))).toBe(false)
  })
})
