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
  asmJs: `${base}pyodide.asm.mjs`,
  loaderJs: `${base}pyodide.mjs`,
  wasm: `${base}pyodide.asm.wasm`,
  stdlib: `${base}python_stdlib.zip`,
  lock: `${base}pyodide-lock.json`,
  /**
   * A memory snapshot of a booted interpreter, made in workerd at build time (optional).
   * Stored uncompressed (inflating it costs more than moving it) in two parts, since one
   * static asset may be at most 25 MiB.
   */
  snapshot: [`${base}snapshot.bin.0`, `${base}snapshot.bin.1`],
} as const

