/**
 * Node's built-in module names and where each one comes from inside a program isolate:
 * our own shims for the parts that must reach the sandbox (fs, process, child_process,
 * http, module), workerd's `node:*` modules for the rest.
 */

/** Built-ins implemented by the isolate runtime (module `node/<name>.js` in the isolate). */
export const SHIMMED = ['fs', 'fs/promises', 'process', 'child_process', 'http', 'https', 'module', 'os', 'timers', 'timers/promises', 'readline', 'worker_threads'] as const

/** Built-ins served by workerd's nodejs_compat modules as they are. */
export const NATIVE = [
  'assert',
  'assert/strict',
  'async_hooks',
  'buffer',
  'crypto',
  'diagnostics_channel',
  'dns',
  'events',
  'net',
  'path',
  'path/posix',
  'perf_hooks',
  'punycode',
  'querystring',
  'stream',
  'stream/promises',
  'stream/web',
  'string_decoder',
  'tty',
  'url',
  'util',
  'util/types',
  'zlib',
] as const

const shimmed = new Set<string>(SHIMMED)
const native = new Set<string>(NATIVE)

/** The bare built-in name (`node:fs` → `fs`), or undefined when `spec` is not a built-in. */
export function builtinName(spec: string): string | undefined {
  const bare = spec.startsWith('node:') ? spec.slice(5) : spec
  return shimmed.has(bare) || native.has(bare) ? bare : undefined
}

/** The module specifier a program bundle imports for built-in `name`. */
export function builtinModule(name: string): string {
  return shimmed.has(name) ? `./node/${name.replace('/', '-')}.js` : `node:${name}`
}

export const isShimmed = (name: string): boolean => shimmed.has(name)
