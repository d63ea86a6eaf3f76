/**
 * `@nimbus-sh/worker/runtime-sync-helper` (Node only): the runtime assets this package ships
 * and the R2 keys they live under, for `nimbus runtime sync`. Keys are paths under
 * `public/_assets/`, the same keys the runtimes look up in `NIMBUS_RUNTIME_CACHE` before
 * falling back to the bundled assets.
 */
import { existsSync, readdirSync, statSync } from 'node:fs'
import { join, relative, sep } from 'node:path'
import { fileURLToPath } from 'node:url'

export interface RuntimeAsset {
  /** Object key in NIMBUS_RUNTIME_CACHE, e.g. `pyodide/314.0.7/pyodide.asm.wasm`. */
  key: string
  /** Absolute path of the file in this package. */
  path: string
  size: number
  /** The runtime that loads it (`python`, `ruby`, `clang`, `node`). */
  runtime: string
}

/** The folder holding the built assets (`public/_assets` of this package). */
export const runtimeAssetsDir = (): string => fileURLToPath(new URL('../public/_assets/', import.meta.url))

const RUNTIME_OF: [RegExp, string][] = [
  [/^pyodide\//, 'python'],
  [/^ruby\//, 'ruby'],
  [/^clang\//, 'clang'],
  [/^esbuild-/, 'node'],
]

/** Every runtime asset under `dir` (the terminal page's own bundles are not runtime assets). */
export function listRuntimeAssets(dir: string = runtimeAssetsDir()): RuntimeAsset[] {
  if (!existsSync(dir)) return []
  const out: RuntimeAsset[] = []
  const walk = (folder: string): void => {
    for (const name of readdirSync(folder).sort()) {
      const path = join(folder, name)
      const st = statSync(path)
      if (st.isDirectory()) {
        walk(path)
        continue
      }
      const key = relative(dir, path).split(sep).join('/')
      const runtime = RUNTIME_OF.find(([re]) => re.test(key))?.[1]
      if (runtime) out.push({ key, path, size: st.size, runtime })
    }
  }
  walk(dir)
  return out
}
