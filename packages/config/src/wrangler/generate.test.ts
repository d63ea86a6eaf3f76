import { describe, expect, it } from 'vitest'
import { NimbusConfigError } from '../errors.js'
import { createWranglerConfig } from './generate.js'
import { parseJsonc } from './jsonc.js'
import { nimbusBucketsFromWrangler } from './read.js'
import { renderWranglerJsonc } from './render.js'

describe('createWranglerConfig', () => {
  it('matches the spec deployment binding for binding', () => {
    const config = createWranglerConfig({ name: 'my-nimbus' })
    expect(config).toEqual({
      $schema: 'node_modules/wrangler/config-schema.json',
      name: 'my-nimbus',
      main: 'src/index.ts',
      compatibility_date: '2026-04-01',
      compatibility_flags: ['nodejs_compat'],
      placement: { mode: 'smart' },
      assets: { directory: 'node_modules/@nimbus-sh/worker/public', binding: 'ASSETS', run_worker_first: ['/api/*', '/s/*', '/new'] },
      durable_objects: { bindings: [{ name: 'NIMBUS_SESSION', class_name: 'NimbusSession' }] },
      migrations: [{ tag: 'nimbus-v1', new_sqlite_classes: ['NimbusSession'] }],
      worker_loaders: [{ binding: 'LOADER' }],
      r2_buckets: [
        { binding: 'NPM_TARBALL_CACHE', bucket_name: 'my-nimbus-npm-cache' },
        { binding: 'NPM_PACKUMENT_CACHE', bucket_name: 'my-nimbus-npm-packument-cache' },
        { binding: 'NIMBUS_RUNTIME_CACHE', bucket_name: 'nimbus-runtime-cache-public' },
      ],
    })
  })

  it('takes overrides for buckets, vars, alias and placement', () => {
    const config = createWranglerConfig({
      name: 'x1',
      main: 'worker.ts',
      placement: false,
      buckets: { NIMBUS_RUNTIME_CACHE: 'own-runtime-cache' },
      vars: { NIMBUS_AGENT_MODEL: 'm' },
      alias: { a: 'b' },
    })
    expect(config.placement).toBeUndefined()
    expect(config.main).toBe('worker.ts')
    expect(config.vars).toEqual({ NIMBUS_AGENT_MODEL: 'm' })
    expect(config.alias).toEqual({ a: 'b' })
    expect(config.r2_buckets[2]).toEqual({ binding: 'NIMBUS_RUNTIME_CACHE', bucket_name: 'own-runtime-cache' })
  })

  it('rejects invalid names with the option path', () => {
    const err = (() => {
      try {
        createWranglerConfig({ name: 'My_Worker', buckets: { NPM_TARBALL_CACHE: 'x' } })
      } catch (e) {
        return e
      }
      return undefined
    })()
    expect(err).toBeInstanceOf(NimbusConfigError)
    const paths = (err as NimbusConfigError).issues.map((i) => i.path)
    expect(paths).toContain('name')
    expect(paths).toContain('buckets.NPM_TARBALL_CACHE')
    expect(() => createWranglerConfig({ name: 'a'.repeat(50) })).toThrow(/buckets\.NPM_PACKUMENT_CACHE: .*derived from name/)
  })

  it('renders JSONC that parses back to the same object', () => {
    const config = createWranglerConfig({ name: 'my-nimbus', vars: { A: '1' } })
    const text = renderWranglerJsonc(config)
    expect(text).toContain('// One NimbusSession Durable Object per sandbox')
    expect(parseJsonc(text)).toEqual(config)
    expect(nimbusBucketsFromWrangler(parseJsonc(text))).toEqual({
      NPM_TARBALL_CACHE: 'my-nimbus-npm-cache',
      NPM_PACKUMENT_CACHE: 'my-nimbus-npm-packument-cache',
      NIMBUS_RUNTIME_CACHE: 'nimbus-runtime-cache-public',
    })
  })
})
