/**
 * Turns a program into the `program.js` module of an isolate. A program must be runnable
 * again in a warm isolate, where ES modules are evaluated only once, so its body becomes a
 * function: CommonJS sources are wrapped as a CommonJS module exporting a function (which
 * keeps sloppy mode), and esbuild's ESM bundle keeps its import lines on top while the
 * rest moves into an async function (top-level await keeps working).
 */

/** `program.js` + `program.cjs` for a CommonJS source that needs only built-ins. */
export function wrapCommonJs(source: string): Record<string, string | { cjs: string }> {
  const body = source.startsWith('#!') ? `//${source.slice(2)}` : source
  return {
    'program.cjs': { cjs: `module.exports = function (exports, require, module, __filename, __dirname, __nimbusTick) {${body}\n}` },
    'program.js': [
      "import { makeRequire } from './rt/require.js'",
      "import factory from './program.cjs'",
      'export default async function (m) {',
      "  const module = { id: '.', filename: m.filename, path: m.dirname, exports: {}, loaded: false, children: [], paths: [] }",
      '  const require = makeRequire(m.filename)',
      '  require.main = module',
      '  factory.call(module.exports, module.exports, require, module, m.filename, m.dirname, m.tick)',
      '  module.loaded = true',
      '}',
    ].join('\n'),
  }
}

// esbuild prints each top-level import statement at the start of a line; external imports
// can appear after the code of modules bundled before them, so collect them all.
const IMPORT_LINE = /^import\s*(?:[\w$*{][^;'"]*?\bfrom\s*)?"[^"\n]*";?[ \t]*$/gm

/** Splits esbuild's ESM output into its import statements and the rest. */
export function splitImports(code: string): { imports: string[]; body: string } {
  const imports: string[] = []
  const body = code.replace(IMPORT_LINE, (m) => {
    imports.push(m.trim())
    return ''
  })
  // A CommonJS entry ends in `export default require_x();`: keep the call, drop the export.
  const rest = body.replace(/\nexport\s*\{[^}]*\};?\s*$/, '\n').replace(/\nexport default (require_[\w$]+\(\));?\s*$/, '\n$1;\n')
  return { imports, body: rest.replace(/^\s+/, '') }
}

/** `program.js` for an esbuild ESM bundle. */
export function wrapBundle(code: string): Record<string, string> {
  // esbuild keeps an entry's `#!` line at the top of its output; inside a function it is a syntax error.
  const { imports, body } = splitImports(code.startsWith('#!') ? `//${code.slice(2)}` : code)
  if (/^\s*export\s/m.test(body.replace(/`[^`]*`/g, ''))) {
    // Only a final export clause is expected from esbuild; anything else would not load.
    throw new Error('unexpected export in bundle output')
  }
  return {
    'program.js': [
      "import { makeRequire as __nimbusMakeRequire } from './rt/require.js'",
      ...imports,
      'export default async function (__nimbus) {',
      'var require = __nimbusMakeRequire(__nimbus.filename);',
      'var __filename = __nimbus.filename, __dirname = __nimbus.dirname, __nimbusTick = __nimbus.tick;',
      body,
      '}',
    ].join('\n'),
  }
}

const IMPORT_EXPORT = /(^|[;\n])\s*(import\s*[\w$*{'"]|export\s)/
const REQUIRE_LITERAL = /\brequire\s*\(\s*(['"])([^'"]+)\1\s*\)/g

/** Whether a CommonJS source can skip bundling: no ESM syntax, and only built-in requires. */
export function needsOnlyBuiltins(source: string, isBuiltin: (spec: string) => boolean): boolean {
  if (IMPORT_EXPORT.test(source)) return false
  if (/\bimport\s*\(/.test(source)) return false
  for (const m of source.matchAll(REQUIRE_LITERAL)) if (!isBuiltin(m[2] as string)) return false
  return true
}
