import { describe, expect, it } from 'vitest'
import { Parser } from './parser.js'
import type { Token } from './lexer.js'

const tokens = (src: string): Token[] => {
  const lx = new Parser(src).lexer
  const out: Token[] = []
  for (let t = lx.next(); t.type !== 'eof'; t = lx.next()) out.push(t)
  return out
}

describe('lexer', () => {
  it('splits words and operators', () => {
    const t = tokens('echo a|b && c; d >> f 2>&1')
    expect(t.map((x) => (x.type === 'word' ? x.raw : x.type === 'op' ? x.value + (x.fd ?? '') : x.type))).toEqual([
      'echo', 'a', '|', 'b', '&&', 'c', ';', 'd', '>>', 'f', '>&2', '1',
    ])
  })

  it('keeps quoting structure in words', () => {
    const [w] = tokens(`'a b'"c $x"\\d`)
    expect(w?.type === 'word' && w.word.parts).toEqual([
      { type: 'quoted', value: 'a b' },
      { type: 'dq', parts: [{ type: 'quoted', value: 'c ' }, { type: 'param', name: 'x' }] },
      { type: 'quoted', value: 'd' },
    ])
  })

  it('decodes $\'…\' escapes', () => {
    const [w] = tokens(`$'a\\tb\\x41\\n'`)
    expect(w?.type === 'word' && w.word.parts).toEqual([{ type: 'quoted', value: 'a\tbA\n' }])
  })

  it('parses parameter operators', () => {
    const [w] = tokens('${v:-def}')
    expect(w?.type === 'word' && w.word.parts[0]).toEqual({ type: 'param', name: 'v', op: { kind: 'default', colon: true, word: { parts: [{ type: 'lit', value: 'def' }] } } })
  })

  it('recognises arithmetic and command substitution', () => {
    const [w] = tokens('$((1+2))$(echo x)')
    const parts = w?.type === 'word' ? w.word.parts : []
    expect(parts[0]).toEqual({ type: 'arith', expr: '1+2' })
    expect(parts[1]?.type).toBe('cmdsub')
  })

  it('skips comments and joins continued lines', () => {
    expect(tokens('a \\\n b # c').map((t) => (t.type === 'word' ? t.raw : t.type))).toEqual(['a', 'b'])
  })

  it('reports an open quote as incomplete', () => {
    expect(() => tokens('echo "abc')).toThrow(expect.objectContaining({ incomplete: true }))
  })
})
