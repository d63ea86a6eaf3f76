import { mkdtemp, rm, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { loadSecretEnv, parseDevVars } from './dev-vars.js'

describe('.dev.vars', () => {
  it('parses comments, export, quotes and inline comments', () => {
    expect(parseDevVars('# c\nexport A=1\nB="two words"\nC=\'x#y\'\nD=v # note\n\nbad line\n')).toEqual({ A: '1', B: 'two words', C: 'x#y', D: 'v' })
  })
  it('prefers the environment, then the file, else none', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'nimbus-devvars-'))
    try {
      expect(await loadSecretEnv(dir, {})).toEqual({ source: 'none' })
      await writeFile(join(dir, '.dev.vars'), 'JWT_SECRET=aa\nJWT_SECRET_PREVIOUS=bb\n')
      expect(await loadSecretEnv(dir, {})).toEqual({ JWT_SECRET: 'aa', JWT_SECRET_PREVIOUS: 'bb', source: '.dev.vars' })
      expect(await loadSecretEnv(dir, { JWT_SECRET: 'cc' })).toEqual({ JWT_SECRET: 'cc', source: 'environment' })
    } finally {
      await rm(dir, { recursive: true, force: true })
    }
  })
})
