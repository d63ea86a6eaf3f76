/** Reads the Nimbus R2 bucket names back out of a parsed wrangler config. */
import { NimbusConfigError, type NimbusConfigIssue } from '../errors.js'
import { NIMBUS_R2_BINDINGS, type NimbusR2Binding } from './generate.js'

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v)
}

/**
 * Returns the bucket name of each Nimbus R2 binding. Throws `NimbusConfigError` naming the
 * missing binding or the malformed entry (`r2_buckets[1].bucket_name`).
 */
export function nimbusBucketsFromWrangler(config: unknown, source = 'wrangler.jsonc'): Record<NimbusR2Binding, string> {
  const issues: NimbusConfigIssue[] = []
  const found: Partial<Record<NimbusR2Binding, string>> = {}
  const list = isRecord(config) ? config['r2_buckets'] : undefined
  if (!Array.isArray(list)) {
    issues.push({ path: 'r2_buckets', message: `missing; expected an array with the bindings ${NIMBUS_R2_BINDINGS.join(', ')}` })
  } else {
    list.forEach((entry, i) => {
      if (!isRecord(entry)) return void issues.push({ path: `r2_buckets[${i}]`, message: 'expected an object' })
      const binding = entry['binding']
      if (typeof binding !== 'string' || !(NIMBUS_R2_BINDINGS as readonly string[]).includes(binding)) return
      const bucket = entry['bucket_name']
      if (typeof bucket !== 'string' || bucket === '') {
        issues.push({ path: `r2_buckets[${i}].bucket_name`, message: `expected the bucket name for ${binding}` })
      } else found[binding as NimbusR2Binding] = bucket
    })
    for (const binding of NIMBUS_R2_BINDINGS) {
      if (found[binding] === undefined && !issues.some((x) => x.message.includes(binding))) {
        issues.push({ path: 'r2_buckets', message: `no entry with binding "${binding}"` })
      }
    }
  }
  if (issues.length > 0) throw new NimbusConfigError('E_WRANGLER_OPTIONS_INVALID', issues, `Invalid ${source}`)
  return found as Record<NimbusR2Binding, string>
}
