/** `defineNimbusConfig`: validate once at module load so a bad field fails loudly with its path. */
import type { z } from 'zod'
import { NimbusConfigError, formatConfigPath, type NimbusConfigIssue } from './errors.js'
import { nimbusConfigSchema, type NimbusConfig, type NimbusConfigInput } from './schema.js'

/** Turns zod issues into path + message pairs, pointing unknown keys at the key itself. */
export function toConfigIssues(issues: readonly z.core.$ZodIssue[]): NimbusConfigIssue[] {
  const out: NimbusConfigIssue[] = []
  for (const issue of issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) out.push({ path: formatConfigPath([...issue.path, key]), message: 'unknown key' })
    } else if (issue.code === 'invalid_key') {
      out.push({ path: formatConfigPath(issue.path), message: issue.issues[0]?.message ?? issue.message })
    } else {
      out.push({ path: formatConfigPath(issue.path), message: issue.message })
    }
  }
  return out
}

/** Validates any value as a Nimbus config; throws `NimbusConfigError` (code `E_CONFIG_INVALID`). */
export function parseNimbusConfig(input: unknown): NimbusConfig {
  const result = nimbusConfigSchema.safeParse(input)
  if (!result.success) throw new NimbusConfigError('E_CONFIG_INVALID', toConfigIssues(result.error.issues))
  return result.data
}

/**
 * Declares the Nimbus config of a deployment. Returns the resolved config (defaults filled in);
 * passing a resolved config again returns an equal value.
 */
export function defineNimbusConfig(config: NimbusConfigInput): NimbusConfig {
  return parseNimbusConfig(config)
}
