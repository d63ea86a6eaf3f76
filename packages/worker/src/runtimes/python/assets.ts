/**
 * Which files the Python runtime loads, and under which keys. Keys are paths under
 * `public/_assets/` (written by scripts/build-python-assets.mjs) and equally object keys in
 * the NIMBUS_RUNTIME_CACHE bucket. The version is part of every key, so a new pyodide never
 * reads an old cache entry.
 */
export const PYODIDE_VERSION = '314.0.7'
/** The CPython version that pyodide release ships (its lock file's `info.python`). */
export const PYTHON_VERSION = '3.14.2'

const base = `pyodide/${PYODIDE_VERSION}/`

export const PYTHON_ASSETS = {
  asmJs: `${base}pyodide.asm.mjs.gz`,
  loaderJs: `${base}pyodide.mjs`,
  wasm: `${base}pyodide.asm.wasm.gz`,
  stdlib: `${base}python_stdlib.zip`,
  lock: `${base}pyodide-lock.json`,
  /** A memory snapshot of a booted interpreter, made in workerd at build time (optional). */
  snapshot: `${base}snapshot.bin.gz`,
} as const

export type PythonAssetName = keyof typeof PYTHON_ASSETS
