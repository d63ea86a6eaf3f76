import { describe, expect, it } from 'vitest'
import { parseRubyArgs } from './command.js'

describe('parseRubyArgs', () => {
  it('joins several -e lines and keeps the rest as ARGV', () => {
    expect(parseRubyArgs(['-e', 'a = 1', '-e', 'p a', 'x'], true)).toEqual({ kind: 'run', mode: 'code', target: 'a = 1\np a', argv: ['x'] })
  })
  it('runs a script file with its arguments, and requires -r libraries first', () => {
    expect(parseRubyArgs(['-w', 'app.rb', '-v'], true)).toEqual({ kind: 'run', mode: 'file', target: 'app.rb', argv: ['-v'] })
    expect(parseRubyArgs(['-rjson', '-e', 'p 1'], true)).toEqual({ kind: 'run', mode: 'code', target: 'require "json"\np 1', argv: [] })
  })
  it('reads the script from stdin when it is not a terminal', () => {
    expect(parseRubyArgs([], false)).toEqual({ kind: 'run', mode: 'code', target: '', argv: [], stdinScript: true })
    expect(parseRubyArgs([], true).kind).toBe('error')
  })
  it('knows --version, -v alone, and bad options', () => {
    expect(parseRubyArgs(['--version'], true)).toEqual({ kind: 'version' })
    expect(parseRubyArgs(['-v'], true)).toEqual({ kind: 'version' })
    expect(parseRubyArgs(['-Q'], true)).toEqual({ kind: 'error', message: 'invalid option -Q  (-h will show valid options) (RuntimeError)' })
  })
})
