import { describe, expect, it } from 'vitest'
import { createTestVfs } from '../../vfs/testing.js'
import { exportsTarget, resolveModule, splitBare } from './resolve.js'

describe('exportsTarget', () => {
  const exp = { '.': { import: './m.mjs', require: './c.cjs' }, './feature/*': { node: './f/*.js', default: './f/*.web.js' }, './internal/*': null, './package.json': './package.json' }
  it('picks conditions by kind', () => {
    expect(exportsTarget(exp, '.', 'import')).toBe('./m.mjs')
    expect(exportsTarget(exp, '.', 'require')).toBe('./c.cjs')
    expect(exportsTarget('./only.js', '.', 'import')).toBe('./only.js')
  })
  it('expands patterns and honours null', () => {
    expect(exportsTarget(exp, './feature/x', 'require')).toBe('./f/x.js')
    expect(exportsTarget(exp, './internal/x', 'require')).toBeNull()
    expect(exportsTarget(exp, './missing', 'require')).toBeUndefined()
  })
})

describe('resolveModule', () => {
  const fs = createTestVfs({
    '/p/a.js': '',
    '/p/dir/index.js': '',
    '/p/data.json': '{}',
    '/p/node_modules/m/package.json': '{"main":"lib/main"}',
    '/p/node_modules/m/lib/main.js': '',
    '/p/node_modules/@s/e/package.json': '{"exports":{".":{"import":"./e.mjs","require":"./e.cjs"},"./sub":"./sub.js"}}',
    '/p/node_modules/@s/e/e.mjs': '',
    '/p/node_modules/@s/e/e.cjs': '',
    '/p/node_modules/@s/e/sub.js': '',
    '/p/node_modules/@s/e/hidden.js': '',
    '/p/x/y/node_modules/m/index.js': '',
  })
  it('resolves files, extensions, directories and JSON', () => {
    expect(resolveModule(fs, './a', '/p')).toBe('/p/a.js')
    expect(resolveModule(fs, './dir', '/p')).toBe('/p/dir/index.js')
    expect(resolveModule(fs, './data.json', '/p')).toBe('/p/data.json')
    expect(resolveModule(fs, './nope', '/p')).toBeUndefined()
  })
  it('walks node_modules upwards, with main and exports', () => {
    expect(resolveModule(fs, 'm', '/p/x')).toBe('/p/node_modules/m/lib/main.js')
    expect(resolveModule(fs, 'm', '/p/x/y/z')).toBe('/p/x/y/node_modules/m/index.js')
    expect(resolveModule(fs, '@s/e', '/p', 'import')).toBe('/p/node_modules/@s/e/e.mjs')
    expect(resolveModule(fs, '@s/e', '/p', 'require')).toBe('/p/node_modules/@s/e/e.cjs')
    expect(resolveModule(fs, '@s/e/sub', '/p')).toBe('/p/node_modules/@s/e/sub.js')
    expect(resolveModule(fs, '@s/e/hidden.js', '/p')).toBeUndefined()
  })
  it('splits bare specifiers', () => {
    expect(splitBare('@s/e/a/b')).toEqual({ name: '@s/e', subpath: './a/b' })
    expect(splitBare('lodash')).toEqual({ name: 'lodash', subpath: '.' })
  })
})
