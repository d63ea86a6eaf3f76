import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { listRuntimeAssets, runtimeAssetsDir } from './runtime-sync-helper.js'

describe('runtime-sync-helper', () => {
  it('lists runtime assets with their keys and runtimes, skipping the terminal bundles', () => {
    const dir = mkdtempSync(join(tmpdir(), 'nimbus-assets-'))
    mkdirSync(join(dir, 'pyodide/1.0'), { recursive: true })
    mkdirSync(join(dir, 'ruby/3.3'), { recursive: true })
    mkdirSync(join(dir, 'clang/22'), { recursive: true })
    writeFileSync(join(dir, 'clang/22/llvm.core.wasm.gz'), 'ghij')
    writeFileSync(join(dir, 'pyodide/1.0/pyodide.asm.wasm'), 'abc')
    writeFileSync(join(dir, 'ruby/3.3/ruby.wasm.gz'), 'de')
    writeFileSync(join(dir, 'esbuild-0.24.2.wasm'), 'f')
    writeFileSync(join(dir, 'terminal-ABC.js'), 'nope')
    expect(listRuntimeAssets(dir).map(({ key, size, runtime }) => ({ key, size, runtime }))).toEqual([
      { key: 'clang/22/llvm.core.wasm.gz', size: 4, runtime: 'clang' },
      { key: 'esbuild-0.24.2.wasm', size: 1, runtime: 'node' },
      { key: 'pyodide/1.0/pyodide.asm.wasm', size: 3, runtime: 'python' },
      { key: 'ruby/3.3/ruby.wasm.gz', size: 2, runtime: 'ruby' },
    ])
  })

  it('points at the package public/_assets folder, and a missing folder lists nothing', () => {
    expect(runtimeAssetsDir().replaceAll('\\', '/')).toMatch(/packages\/worker\/public\/_assets\/$/)
    expect(listRuntimeAssets(join(tmpdir(), 'nimbus-no-such-dir'))).toEqual([])
  })
})
