/**
 * One error class for every configuration mistake. Each issue carries the exact path of the
 * field at fault (`sandboxes.default.runtimes.allow[2]`) so the message tells a person where to look.
 */
export type NimbusConfigErrorCode = 'E_CONFIG_INVALID' | 'E_WRANGLER_OPTIONS_INVALID' | 'E_JSONC_SYNTAX'

export interface NimbusConfigIssue {
  /** Dotted path with `[i]` for array items, e.g. `sandboxes.default.root`. Empty for the root. */
  readonly path: string
  readonly message: string
}

export class NimbusConfigError extends Error {
  override readonly name = 'NimbusConfigError'
  constructor(
    readonly code: NimbusConfigErrorCode,
    readonly issues: readonly NimbusConfigIssue[],
    heading = 'Invalid Nimbus config',
  ) {
    super(`${heading}:\n${issues.map((i) => `  - ${i.path || '(root)'}: ${i.message}`).join('\n')}`)
  }
}

/** `['sandboxes', 'my-box', 'runtimes', 'allow', 2]` → `sandboxes["my-box"].runtimes.allow[2]`. */
export function formatConfigPath(path: readonly PropertyKey[]): string {
  let out = ''
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`
    else {
      const key = String(part)
      if (/^[A-Za-z_$][\w$]*$/.test(key)) out += out ? `.${key}` : key
      else out += `[${JSON.stringify(key)}]`
    }
  }
  return out
}
