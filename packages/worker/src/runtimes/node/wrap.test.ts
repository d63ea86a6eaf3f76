import { describe, expect, it } from 'vitest'
import { builtinName } from './builtins.js'
import { needsOnlyBuiltins, splitImports, wrapBundle, wrapCommonJs } from './wrap.js'

const isBuiltin = (s: string) => builtinName(s) !== undefined

describe('needsOnlyBuiltins', () => {
  it('accepts plain scripts and built-in requires', () => {
    expect(needsOnlyBuiltins('console.log(1)', isBuiltin)).toBe(true)
    expect(needsOnlyBuiltins("const fs = require('fs'); const p = require(\"node:path\")", isBuiltin)).toBe(true)
  })
  it('refuses ESM syntax, dynamic import and package requires', () => {
    expect(needsOnlyBuiltins("import fs from 'fs'", isBuiltin)).toBe(false)
    expect(needsOnlyBuiltins('export const a = 1', isBuiltin)).toBe(false)
    expect(needsOnlyBuiltins("await import('x')", isBuiltin)).toBe(false)
    expect(needsOnlyBuiltins("require('./b')", isBuiltin)).toBe(false)
    expect(needsOnlyBuiltins("require('left-pad')", isBuiltin)).toBe(false)
  })
})

describe('splitImports', () => {
  it('keeps leading imports and drops the final export clause', () => {
    const code = '// comment\nimport fs from "./node/fs.js";\nimport {\n  a,\n  b\n} from "node:util";\nimport "node:events";\nvar x = 1;\nconsole.log(x);\nexport {\n  x\n};\n'
    const { imports, body } = splitImports(code)
    expect(imports).toEqual(['import fs from "./node/fs.js";', 'import {\n  a,\n  b\n} from "node:util";', 'import "node:events";'])
    expect(body).toBe('// comment\n\n\n\nvar x = 1;\nconsole.log(x);\n')
  })
  it('keeps the call of a CommonJS entry', () => {
    expect(splitImports('var require_main = __commonJS({});\nexport default require_main();\n').body).toBe('var require_main = __commonJS({});\nrequire_main();\n')
  })
  it('collects imports that follow bundled code', () => {
    const { imports, body } = splitImports('var a = 1;\nimport fs from "./node/fs.js";\nconsole.log(import.meta.url, fs);\n')
    expect(imports).toEqual(['import fs from "./node/fs.js";'])
    expect(body).toBe('var a = 1;\n\nconsole.log(import.meta.url, fs);\n')
  })
})

describe('wrapBundle / wrapCommonJs', () => {
  it('moves the body into a default async function', () => {
    const m = wrapBundle('import fs from "./node/fs.js";\nawait 1;\n')['program.js']
    expect(m).toContain('import fs from "./node/fs.js";\nexport default async function (__nimbus) {')
    expect(m?.trim().endsWith('await 1;\n\n}')).toBe(true)
  })
  it('wraps CommonJS in a function and neutralises a shebang', () => {
    const m = wrapCommonJs('#!/usr/bin/env node\nconsole.log(1)')
    expect(m['program.cjs']).toEqual({ cjs: 'module.exports = function (exports, require, module, __filename, __dirname, __nimbusTick) {///usr/bin/env node\nconsole.log(1)\n}' })
  })
})
