import { execFileSync } from 'node:child_process'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const here = dirname(fileURLToPath(import.meta.url))

describe('sval source for the REPL isolate', () => {
  it('matches the installed sval package', () => {
    expect(() => execFileSync(process.execPath, [join(here, 'generate-sval.mjs'), '--check'], { stdio: 'pipe' })).not.toThrow()
  })
})
