/**
 * Builds the wrangler config a Nimbus deployment needs, binding for binding: the session Durable
 * Object and its SQLite migration, the Worker Loader, the three R2 caches and the assets that
 * serve the terminal page. Every binding is load-bearing, so callers choose names, not shape.
 */
import { NimbusConfigError, type NimbusConfigIssue } from '../errors.js'

export const NIMBUS_R2_BINDINGS = ['NPM_TARBALL_CACHE', 'NPM_PACKUMENT_CACHE', 'NIMBUS_RUNTIME_CACHE'] as const
export type NimbusR2Binding = (typeof NIMBUS_R2_BINDINGS)[number]

export const DEFAULT_COMPATIBILITY_DATE = '2026-04-01'
export const DEFAULT_ASSETS_DIRECTORY = 'node_modules/@nimbus-sh/worker/public'
/** Runtime assets (pyodide, ruby, clang) are the same for every deployment, so one bucket is shared. */
export const DEFAULT_RUNTIME_CACHE_BUCKET = 'nimbus-runtime-cache-public'
export const RUN_WORKER_FIRST = ['/api/*', '/s/*', '/new'] as const

/** Worker names: lowercase letters, digits and dashes, no leading or trailing dash. */
export const WORKER_NAME_RE = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$/
/** R2 bucket names: 3-63 lowercase letters, digits and dashes, no leading or trailing dash. */
export const R2_BUCKET_NAME_RE = /^[a-z0-9][a-z0-9-]{1,61}[a-z0-9]$/

export interface WranglerConfigOptions {
  /** Worker name; also the prefix of the per-deployment npm cache buckets. */
  name: string
  /** Entry module; default `src/index.ts`. */
  main?: string
  compatibilityDate?: string
  /** Override bucket names per binding. */
  buckets?: Partial<Record<NimbusR2Binding, string>>
  /** Directory of the Nimbus static assets; default the installed worker package's `public/`. */
  assetsDirectory?: string
  /** Smart placement (default) or none. */
  placement?: 'smart' | false
  /** Non-secret vars such as `NIMBUS_AGENT_MODEL`. Secrets belong in `wrangler secret put`. */
  vars?: Record<string, string>
  /** Module aliases passed through to wrangler's bundler. */
  alias?: Record<string, string>
}

export interface WranglerR2Bucket {
  binding: NimbusR2Binding
  bucket_name: string
}

export interface WranglerConfig {
  $schema: string
  name: string
  main: string
  compatibility_date: string
  compatibility_flags: string[]
  placement?: { mode: 'smart' }
  assets: { directory: string; binding: 'ASSETS'; run_worker_first: string[] }
  alias?: Record<string, string>
  durable_objects: { bindings: Array<{ name: 'NIMBUS_SESSION'; class_name: 'NimbusSession' }> }
  migrations: Array<{ tag: 'nimbus-v1'; new_sqlite_classes: ['NimbusSession'] }>
  worker_loaders: Array<{ binding: 'LOADER' }>
  r2_buckets: WranglerR2Bucket[]
  vars?: Record<string, string>
}

/** The bucket names `createWranglerConfig` uses when none are given. */
export function defaultBucketNames(name: string): Record<NimbusR2Binding, string> {
  return {
    NPM_TARBALL_CACHE: `${name}-npm-cache`,
    NPM_PACKUMENT_CACHE: `${name}-npm-packument-cache`,
    NIMBUS_RUNTIME_CACHE: DEFAULT_RUNTIME_CACHE_BUCKET,
  }
}

function validate(opts: WranglerConfigOptions, buckets: Record<NimbusR2Binding, string>): void {
  const issues: NimbusConfigIssue[] = []
  if (!WORKER_NAME_RE.test(opts.name)) {
    issues.push({ path: 'name', message: `"${opts.name}" is not a valid Worker name: use 1-63 lowercase letters, digits or "-", not starting or ending with "-"` })
  }
  for (const binding of NIMBUS_R2_BINDINGS) {
    const bucket = buckets[binding]
    if (!R2_BUCKET_NAME_RE.test(bucket)) {
      const hint = opts.buckets?.[binding] === undefined ? ' (derived from name; pass buckets.' + binding + ' or a shorter name)' : ''
      issues.push({ path: `buckets.${binding}`, message: `"${bucket}" is not a valid R2 bucket name: use 3-63 lowercase letters, digits or "-"${hint}` })
    }
  }
  if (opts.compatibilityDate !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(opts.compatibilityDate)) {
    issues.push({ path: 'compatibilityDate', message: 'expected YYYY-MM-DD' })
  }
  if (issues.length > 0) throw new NimbusConfigError('E_WRANGLER_OPTIONS_INVALID', issues, 'Invalid wrangler options')
}

/** Returns the wrangler config object for a Nimbus deployment. Throws `NimbusConfigError` on bad names. */
export function createWranglerConfig(opts: WranglerConfigOptions): WranglerConfig {
  const buckets = { ...defaultBucketNames(opts.name), ...opts.buckets }
  validate(opts, buckets)
  const config: WranglerConfig = {
    $schema: 'node_modules/wrangler/config-schema.json',
    name: opts.name,
    main: opts.main ?? 'src/index.ts',
    compatibility_date: opts.compatibilityDate ?? DEFAULT_COMPATIBILITY_DATE,
    compatibility_flags: ['nodejs_compat'],
    ...(opts.placement === false ? {} : { placement: { mode: 'smart' as const } }),
    assets: {
      directory: opts.assetsDirectory ?? DEFAULT_ASSETS_DIRECTORY,
      binding: 'ASSETS',
      run_worker_first: [...RUN_WORKER_FIRST],
    },
    ...(opts.alias && Object.keys(opts.alias).length > 0 ? { alias: { ...opts.alias } } : {}),
    durable_objects: { bindings: [{ name: 'NIMBUS_SESSION', class_name: 'NimbusSession' }] },
    migrations: [{ tag: 'nimbus-v1', new_sqlite_classes: ['NimbusSession'] }],
    worker_loaders: [{ binding: 'LOADER' }],
    r2_buckets: NIMBUS_R2_BINDINGS.map((binding) => ({ binding, bucket_name: buckets[binding] })),
    ...(opts.vars && Object.keys(opts.vars).length > 0 ? { vars: { ...opts.vars } } : {}),
  }
  return config
}
