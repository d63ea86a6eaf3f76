/** Test helpers: a SandboxService over Node's SQLite, with the default profile. Not published. */
import { parseNimbusConfig, type NimbusConfigInput } from '@nimbus-sh/config'
import type { SqlStore } from '../vfs/sql.js'
import { nodeSqlStore } from '../vfs/testing.js'
import { seedSandbox } from '../vfs/seed.js'
import { SqliteVfs } from '../vfs/sqlite-vfs.js'
import type { RuntimeName } from '@nimbus-sh/config'
import type { RuntimeProvider } from '../runtimes/registry.js'
import { SandboxService, type SandboxCallContext } from './service.js'

/** A sandbox over Node's SQLite; `runtimes` stands in for the registry (none registered by default). */
export function testSandbox(
  profile: NonNullable<NimbusConfigInput['sandboxes']>[string] = {},
  runtimes: Partial<Record<RuntimeName, RuntimeProvider>> = {},
  sql: SqlStore = nodeSqlStore(),
): { svc: SandboxService; ctx: SandboxCallContext } {
  const fs = new SqliteVfs(sql)
  seedSandbox(fs)
  const svc = new SandboxService({ fs, sql, env: {}, runtimes: (name) => (name === 'shell' ? { id: 'shell', install: async () => undefined, isInstalled: () => true } : runtimes[name]) })
  const config = parseNimbusConfig({ endpoint: 'https://nimbus.test', sandboxes: { default: profile } })
  return { svc, ctx: { sandboxId: 'box-1', profile: config.sandboxes.default!, endpoint: 'https://nimbus.test' } }
}
