import { execFileSync } from 'node:child_process'
import { readdirSync, readFileSync } from 'node:fs'
import { transformSync } from 'esbuild'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import { NATIVE, SHIMMED } from './builtins.js'

const here = dirname(fileURLToPath(import.meta.url))

describe('isolate sources', () => {
  it('the generated module matches src/runtimes/node/isolate', () => {
    expect(() => execFileSync(process.execPath, [join(here, '../../../scripts/build-runtime-assets.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow()
  })
  it('every isolate module parses as an ES module', () => {
    for (const dir of ['isolate', 'isolate/rt', 'isolate/node']) {
      for (const f of readdirSync(join(here, dir)).filter((n) => n.endsWith('.js'))) {
        expect(() => transformSync(readFileSync(join(here, dir, f), 'utf8'), { format: 'esm', loader: 'js', sourcefile: `${dir}/${f}` })).not.toThrow()
      }
    }
  })
  it('every built-in the bundler maps has an entry in the isolate require table', () => {
    const table = readFileSync(join(here, 'isolate/rt/require.js'), 'utf8')
    for (const name of SHIMMED) expect(table).toContain(`from '../node/${name.replace('/', '-')}.js'`)
    for (const name of NATIVE) expect(table).toContain(`from 'node:${name}'`)
  })
})
