import { describe, expect, it } from 'vitest'
import { parsePythonArgs } from './argv.js'

describe('parsePythonArgs', () => {
  it('parses -c, -m, a script and - the way CPython does', () => {
    expect(parsePythonArgs(['-c', 'print(1)', 'a', '-v'])).toEqual({ kind: 'run', mode: 'code', target: 'print(1)', argv: ['-c', 'a', '-v'] })
    expect(parsePythonArgs(['-cprint(2)'])).toEqual({ kind: 'run', mode: 'code', target: 'print(2)', argv: ['-c'] })
    expect(parsePythonArgs(['-u', '-m', 'http.server', '8000'])).toEqual({ kind: 'run', mode: 'module', target: 'http.server', argv: ['http.server', '8000'] })
    expect(parsePythonArgs(['app.py', '--flag', 'x'])).toEqual({ kind: 'run', mode: 'file', target: 'app.py', argv: ['app.py', '--flag', 'x'] })
    expect(parsePythonArgs(['-', 'x'])).toEqual({ kind: 'run', mode: 'stdin', target: '-', argv: ['-', 'x'] })
    expect(parsePythonArgs(['-B', '--', 'x.py'])).toEqual({ kind: 'run', mode: 'file', target: 'x.py', argv: ['x.py'] })
  })

  it('knows version, help, the REPL and bad options', () => {
    expect(parsePythonArgs(['--version'])).toEqual({ kind: 'version' })
    expect(parsePythonArgs(['-V'])).toEqual({ kind: 'version' })
    expect(parsePythonArgs(['-h'])).toEqual({ kind: 'help' })
    expect(parsePythonArgs([])).toEqual({ kind: 'repl' })
    expect(parsePythonArgs(['-q'])).toEqual({ kind: 'repl' })
    expect(parsePythonArgs(['-c'])).toEqual({ kind: 'error', message: 'Argument expected for the -c option' })
    expect(parsePythonArgs(['-Z'])).toEqual({ kind: 'error', message: 'Unknown option: -Z' })
    expect(parsePythonArgs(['--nope'])).toEqual({ kind: 'error', message: 'unknown option --nope' })
  })
})
