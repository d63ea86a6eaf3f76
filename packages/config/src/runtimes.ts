/** The runtime names a sandbox profile may preinstall, allow or install on demand. */
export const RUNTIME_NAMES = ['node', 'bun', 'npm', 'git', 'python', 'ruby', 'clang', 'shell'] as const

export type RuntimeName = (typeof RUNTIME_NAMES)[number]

export function isRuntimeName(value: unknown): value is RuntimeName {
  return typeof value === 'string' && (RUNTIME_NAMES as readonly string[]).includes(value)
}
