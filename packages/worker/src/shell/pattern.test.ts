import { describe, expect, it } from 'vitest'
import { hasGlob, matchPattern, matchPrefix, matchSuffix, replacePattern } from './pattern.js'

describe('patterns', () => {
  it('matches *, ? and brackets', () => {
    expect(matchPattern('*.txt', 'a.txt')).toBe(true)
    expect(matchPattern('a?c', 'abc')).toBe(true)
    expect(matchPattern('[!a]*', 'abc')).toBe(false)
    expect(matchPattern('[[:digit:]]x', '7x')).toBe(true)
    expect(matchPattern('\\*', '*')).toBe(true)
    expect(matchPattern('\\*', 'a')).toBe(false)
  })

  it('finds shortest and longest affixes', () => {
    expect(matchPrefix('*/', 'a/b/c', false)).toBe(2)
    expect(matchPrefix('*/', 'a/b/c', true)).toBe(4)
    expect(matchSuffix('.*', 'a.b.c', false)).toBe(3)
    expect(matchSuffix('.*', 'a.b.c', true)).toBe(1)
  })

  it('replaces first, all and anchored matches', () => {
    expect(replacePattern('a', 'banana', 'o', false, '')).toBe('bonana')
    expect(replacePattern('a', 'banana', 'o', true, '')).toBe('bonono')
    expect(replacePattern('b', 'bab', 'X', false, '%')).toBe('baX')
  })

  it('detects glob characters', () => {
    expect(hasGlob('a*')).toBe(true)
    expect(hasGlob('a\\*')).toBe(false)
    expect(hasGlob('[')).toBe(false)
  })
})
