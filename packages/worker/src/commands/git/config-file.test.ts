import { describe, expect, it } from 'vitest'
import { getAll, getValue, parseConfig, parseKey, removeSection, setValue, subsections, unsetValue } from './config-file.js'

const sample = `[core]
\tbare = false
[remote "origin"]
\turl = https://example.com/a.git
\tfetch = +refs/heads/*:refs/remotes/origin/*
[branch "main"]
\tremote = origin
\tmerge = refs/heads/main
[User]
\tName = "Ada  Lovelace" ; a comment
\temail = ada@example.com # another
\tflag
`

describe('git config files', () => {
  it('parses sections, subsections, quoting, comments and bare keys', () => {
    expect(getValue(sample, 'remote.origin.url')).toBe('https://example.com/a.git')
    expect(getValue(sample, 'user.name')).toBe('Ada  Lovelace')
    expect(getValue(sample, 'USER.EMAIL')).toBe('ada@example.com')
    expect(getValue(sample, 'user.flag')).toBe('true')
    expect(getValue(sample, 'remote.ORIGIN.url')).toBeUndefined()
    expect(subsections(sample, 'remote')).toEqual(['origin'])
    expect(parseConfig(sample)).toHaveLength(8)
  })

  it('sets a value in place, in its section, or in a new section', () => {
    const replaced = setValue(sample, 'core.bare', 'true')
    expect(getValue(replaced, 'core.bare')).toBe('true')
    expect(replaced.split('\n')).toHaveLength(sample.split('\n').length)
    const added = setValue(sample, 'remote.origin.pushurl', 'https://example.com/b.git')
    expect(added).toContain('\tfetch = +refs/heads/*:refs/remotes/origin/*\n\tpushurl = https://example.com/b.git\n[branch "main"]')
    const fresh = setValue('', 'branch.dev.remote', 'origin')
    expect(fresh).toBe('[branch "dev"]\n\tremote = origin\n')
    expect(getValue(setValue('', 'a.b', ' padded; # '), 'a.b')).toBe(' padded; # ')
  })

  it('adds repeated values, unsets keys and removes sections', () => {
    const two = setValue(setValue('', 'remote.o.fetch', 'x'), 'remote.o.fetch', 'y', { add: true })
    expect(getAll(two, 'remote.o.fetch')).toEqual(['x', 'y'])
    const { text, found } = unsetValue(sample, 'user.email')
    expect(found).toBe(true)
    expect(getValue(text, 'user.email')).toBeUndefined()
    expect(unsetValue(sample, 'nope.key').found).toBe(false)
    const removed = removeSection(sample, 'remote', 'origin')
    expect(removed.found).toBe(true)
    expect(getValue(removed.text, 'remote.origin.url')).toBeUndefined()
    expect(getValue(removed.text, 'branch.main.remote')).toBe('origin')
  })

  it('validates keys', () => {
    expect(parseKey('user.name')).toEqual({ section: 'user', name: 'name' })
    expect(parseKey('remote.my.origin.url')).toEqual({ section: 'remote', subsection: 'my.origin', name: 'url' })
    expect(parseKey('nodot')).toBeUndefined()
    expect(parseKey('a.')).toBeUndefined()
  })
})
