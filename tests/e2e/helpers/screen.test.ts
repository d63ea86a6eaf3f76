import { describe, expect, it } from 'vitest'
import { commandRows, isBarePrompt, lastRunOutput } from './screen.mjs'

const P = 'user@nimbus:~$'

describe('screen reading', () => {
  it('recognises a bare prompt in any directory', () => {
    expect(isBarePrompt(`${P} `)).toBe(true)
    expect(isBarePrompt('user@nimbus:/tmp$')).toBe(true)
    expect(isBarePrompt(`${P} ls`)).toBe(false)
    expect(isBarePrompt('hello')).toBe(false)
  })

  it('finds the rows where a command was typed', () => {
    const lines = [`${P} cat f.txt`, 'hello', `${P} cat f.txt2`, `${P} cat f.txt`, 'hello', `${P}`]
    expect(commandRows(lines, 'cat f.txt')).toEqual([0, 3])
  })

  it('returns the output of the last run only once the next prompt is there', () => {
    expect(lastRunOutput([`${P} cat f.txt`, 'hel'], 'cat f.txt')).toBeUndefined()
    expect(lastRunOutput([`${P} echo`, `${P}`], 'cat f.txt')).toBeUndefined()
    const lines = [`${P} cat f.txt`, 'old', `${P} cat f.txt`, 'hello', 'world', `${P}`, '']
    expect(lastRunOutput(lines, 'cat f.txt')).toEqual(['hello', 'world'])
    expect(lastRunOutput([`${P} true`, `${P}`], 'true')).toEqual([])
  })
})
