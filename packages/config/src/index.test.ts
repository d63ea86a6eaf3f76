import { describe, expect, it } from 'vitest'
import * as api from './index.js'

describe('@nimbus-sh/config exports', () => {
  it('pins the public surface', () => {
    expect(Object.keys(api).sort()).toEqual(
      [
        'DEFAULT_ASSETS_DIRECTORY',
        'DEFAULT_COMPATIBILITY_DATE',
        'DEFAULT_ROOT',
        'DEFAULT_RUNTIME_CACHE_BUCKET',
        'NIMBUS_R2_BINDINGS',
        'NimbusConfigError',
        'PROFILE_NAME_RE',
        'R2_BUCKET_NAME_RE',
        'RUNTIME_NAMES',
        'RUN_WORKER_FIRST',
        'TOOL_KINDS',
        'TOOL_NAMESPACE_RE',
        'WORKER_NAME_RE',
        'createWranglerConfig',
        'defaultBucketNames',
        'defineNimbusConfig',
        'formatConfigPath',
        'isRuntimeName',
        'nimbusBucketsFromWrangler',
        'nimbusConfigSchema',
        'nimbusVars',
        'parseJsonc',
        'parseNimbusConfig',
        'renderWranglerJsonc',
      ].sort(),
    )
    expect(api.RUNTIME_NAMES).toEqual(['node', 'bun', 'npm', 'git', 'python', 'ruby', 'clang', 'shell'])
  })
})
