/** @nimbus-sh/config: declare sandbox profiles and generate the wrangler config of a deployment. */
export { defineNimbusConfig, parseNimbusConfig } from './define.js'
export {
  nimbusConfigSchema,
  DEFAULT_ROOT,
  PROFILE_NAME_RE,
  TOOL_KINDS,
  TOOL_NAMESPACE_RE,
  type NimbusConfig,
  type NimbusConfigInput,
  type NimbusRuntimesConfig,
  type NimbusSandboxProfile,
  type NimbusToolsConfig,
  type ToolKind,
} from './schema.js'
export { RUNTIME_NAMES, isRuntimeName, type RuntimeName } from './runtimes.js'
export { NimbusConfigError, formatConfigPath, type NimbusConfigErrorCode, type NimbusConfigIssue } from './errors.js'
export {
  createWranglerConfig,
  defaultBucketNames,
  DEFAULT_ASSETS_DIRECTORY,
  DEFAULT_COMPATIBILITY_DATE,
  DEFAULT_RUNTIME_CACHE_BUCKET,
  NIMBUS_R2_BINDINGS,
  R2_BUCKET_NAME_RE,
  RUN_WORKER_FIRST,
  WORKER_NAME_RE,
  type NimbusR2Binding,
  type WranglerConfig,
  type WranglerConfigOptions,
  type WranglerR2Bucket,
} from './wrangler/generate.js'
export { renderWranglerJsonc } from './wrangler/render.js'
export { parseJsonc } from './wrangler/jsonc.js'
export { nimbusBucketsFromWrangler } from './wrangler/read.js'
export { nimbusVars, type NimbusVarsOptions } from './wrangler/vars.js'
