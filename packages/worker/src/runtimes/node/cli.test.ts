import { describe, expect, it } from 'vitest'
import { parseNodeArgs } from './cli.js'

describe('parseNodeArgs', () => {
  it('reads -e, -p, scripts, stdin and versions', () => {
    expect(parseNodeArgs(['-e', 'x', 'a'])).toEqual({ kind: 'eval', code: 'x', print: false, module: false, args: ['a'] })
    expect(parseNodeArgs(['--input-type=module', '-p', '1+1'])).toEqual({ kind: 'eval', code: '1+1', print: true, module: true, args: [] })
    expect(parseNodeArgs(['--no-warnings', 'app.js', '-e', 'x'])).toEqual({ kind: 'script', script: 'app.js', module: false, args: ['-e', 'x'] })
    expect(parseNodeArgs([])).toEqual({ kind: 'stdin', module: false, args: [] })
    expect(parseNodeArgs(['-v'])).toEqual({ kind: 'version' })
    expect(parseNodeArgs(['-e'])).toEqual({ kind: 'error', message: '-e requires an argument' })
    expect(parseNodeArgs(['--bogus'])).toEqual({ kind: 'error', message: 'bad option: --bogus' })
  })
})
