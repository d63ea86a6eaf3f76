import { describe, expect, it } from 'vitest'
import { defineNimbusConfig, parseNimbusConfig } from './define.js'
import { NimbusConfigError } from './errors.js'
import { RUNTIME_NAMES } from './runtimes.js'

function issuesOf(input: unknown): Array<{ path: string; message: string }> {
  try {
    parseNimbusConfig(input)
  } catch (err) {
    expect(err).toBeInstanceOf(NimbusConfigError)
    const e = err as NimbusConfigError
    expect(e.code).toBe('E_CONFIG_INVALID')
    return [...e.issues]
  }
  throw new Error('expected the config to be rejected')
}

describe('defineNimbusConfig', () => {
  it('accepts the spec example and fills defaults', () => {
    const config = defineNimbusConfig({
      endpoint: 'https://my-nimbus.workers.dev/',
      sandboxes: {
        proteus: {
          root: '/home/user',
          tools: { namespace: 'sandbox', kind: 'sandbox' },
          runtimes: { preinstall: ['python', 'clang'], onDemand: true, allow: [...RUNTIME_NAMES] },
        },
        default: { root: '/work//app/' },
      },
    })
    expect(config.endpoint).toBe('https://my-nimbus.workers.dev')
    expect(config.sandboxes['proteus']?.runtimes.preinstall).toEqual(['python', 'clang'])
    expect(config.sandboxes['default']).toEqual({
      root: '/work/app',
      tools: { namespace: 'sandbox', kind: 'sandbox' },
      runtimes: { preinstall: [], onDemand: true, allow: [...RUNTIME_NAMES] },
    })
  })

  it('gives an empty config a default profile', () => {
    expect(defineNimbusConfig({}).sandboxes).toEqual({
      default: { root: '/home/user', tools: { namespace: 'sandbox', kind: 'sandbox' }, runtimes: { preinstall: [], onDemand: true, allow: [...RUNTIME_NAMES] } },
    })
  })

  it('is idempotent on its own output', () => {
    const once = defineNimbusConfig({ sandboxes: { a: { runtimes: { preinstall: ['node'] } } } })
    expect(defineNimbusConfig(once)).toEqual(once)
  })

  it('names the exact path of an unknown runtime', () => {
    const issues = issuesOf({ sandboxes: { proteus: { runtimes: { preinstall: ['python', 'pyhton'] } } } })
    expect(issues).toHaveLength(1)
    expect(issues[0]?.path).toBe('sandboxes.proteus.runtimes.preinstall[1]')
    expect(issues[0]?.message).toContain('unknown runtime "pyhton"')
    expect(issues[0]?.message).toContain('node, bun, npm, git, python, ruby, clang, shell')
  })

  it('puts the path into the error message', () => {
    expect(() => defineNimbusConfig({ sandboxes: { 'my-box': { root: 'home/user' } } })).toThrow(
      /sandboxes\["my-box"\]\.root: must be an absolute path/,
    )
  })

  it('reports unknown keys at the key itself', () => {
    const issues = issuesOf({ sandboxes: { default: { runtime: {} } }, endpont: 'x' })
    expect(issues.map((i) => i.path).sort()).toEqual(['endpont', 'sandboxes.default.runtime'])
    expect(issues.every((i) => i.message === 'unknown key')).toBe(true)
  })

  it('rejects a preinstall that allow forbids, and duplicates', () => {
    const issues = issuesOf({ sandboxes: { a: { runtimes: { preinstall: ['ruby'], allow: ['node', 'node'] } } } })
    expect(issues).toEqual([
      { path: 'sandboxes.a.runtimes.allow[1]', message: 'duplicate runtime "node"' },
      { path: 'sandboxes.a.runtimes.preinstall[0]', message: 'runtime "ruby" is preinstalled but not listed in runtimes.allow' },
    ])
  })

  it('checks types, tools and endpoint', () => {
    const issues = issuesOf({
      endpoint: 'ftp://x',
      sandboxes: { a: { runtimes: { onDemand: 'yes' }, tools: { namespace: '1bad', kind: 'box' }, root: '/a/../b' } },
    })
    const byPath = Object.fromEntries(issues.map((i) => [i.path, i.message]))
    expect(Object.keys(byPath).sort()).toEqual([
      'endpoint',
      'sandboxes.a.root',
      'sandboxes.a.runtimes.onDemand',
      'sandboxes.a.tools.kind',
      'sandboxes.a.tools.namespace',
    ])
    expect(byPath['sandboxes.a.runtimes.onDemand']).toBe('expected true or false')
    expect(byPath['sandboxes.a.tools.kind']).toContain('unknown tool kind "box"')
  })

  it('rejects bad profile names, empty profile maps and non-objects', () => {
    expect(issuesOf({ sandboxes: { 'a b': {} } })[0]?.path).toBe('sandboxes["a b"]')
    expect(issuesOf({ sandboxes: {} })).toEqual([{ path: 'sandboxes', message: 'define at least one sandbox profile' }])
    expect(issuesOf({ sandboxes: { a: 3 } })).toEqual([{ path: 'sandboxes.a', message: 'expected a sandbox profile object' }])
    expect(issuesOf(null)).toEqual([{ path: '', message: 'expected a config object' }])
  })
})
