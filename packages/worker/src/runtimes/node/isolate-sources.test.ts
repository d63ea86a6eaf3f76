import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { NATIVE, SHIMMED } from './builtins.js'

const here = dirname(fileURLToPath(import.meta.url))

describe('isolate sources', () => {
  it('the generated module matches src/runtimes/node/isolate', () => {
    expect(() => execFileSync(process.execPath, [join(here, '../../../scripts/build-runtime-assets.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow()
  })
  it('every built-in the bundler maps has an entry in the isolate require table', () => {
    const table = readFileSync(join(here, 'isolate/rt/require.js'), 'utf8')
    for (const name of SHIMMED) expect(table).toContain(`from '../node/${name.replace('/', '-')}.js'`)
    for (const name of NATIVE) expect(table).toContain(`from 'node:${name}'`)
  })
})
