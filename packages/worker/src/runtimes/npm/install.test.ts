import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestVfs } from '../../vfs/testing.js'
import { startRegistry } from '../../../../../tests/npm-registry/server.mjs'
import { install, parseSpec } from './install.js'
import { verifyIntegrity, sha512Integrity } from './integrity.js'
import { pickVersion } from './plan.js'
import { clearMemoryCaches, NpmError, RegistryClient } from './registry.js'
import { safeEntryPath } from './tar.js'

interface Registry {
  url: string
  hits: { packument: number; tarball: number }
  close(): Promise<void>
}
let registry: Registry
beforeAll(async () => {
  registry = (await startRegistry()) as Registry
})
afterAll(() => registry.close())

const client = () => new RegistryClient(registry.url, (input, init) => fetch(input, init))
const project = (pkg: object) => createTestVfs({ '/home/user/p/package.json': JSON.stringify(pkg) })

describe('install', () => {
  it('installs dependencies with hoisting, bins and a v3 lockfile', async () => {
    clearMemoryCaches()
    const fs = project({ name: 'p', dependencies: { greet: '^1.0.0' } })
    const r = await install({ fs, dir: '/home/user/p', client: client() })
    expect(r).toMatchObject({ added: 2, removed: 0, total: 2, skippedScripts: ['greet'] })
    expect(fs.readText('/home/user/p/node_modules/left-pad/package.json')).toContain('"1.3.0"')
    expect(fs.readlink('/home/user/p/node_modules/.bin/greet')).toBe('../greet/bin/greet.js')
    expect(fs.stat('/home/user/p/node_modules/greet/bin/greet.js').mode & 0o111).not.toBe(0)
    const lock = JSON.parse(fs.readText('/home/user/p/package-lock.json'))
    expect(lock.lockfileVersion).toBe(3)
    expect(lock.packages['node_modules/greet']).toMatchObject({ version: '1.0.0', bin: { greet: 'bin/greet.js' }, hasInstallScript: true })
  })

  it('nests a version that conflicts with the hoisted one', async () => {
    const fs = project({ name: 'p', dependencies: { 'left-pad': '1.3.0', 'deep-a': '^1.0.0' } })
    await install({ fs, dir: '/home/user/p', client: client() })
    expect(JSON.parse(fs.readText('/home/user/p/node_modules/deep-a/node_modules/left-pad/package.json')).version).toBe('1.0.0')
    expect(fs.exists('/home/user/p/node_modules/deep-b/node_modules')).toBe(false)
  })

  it('adds with -D, saves ^version, uninstalls and prunes', async () => {
    const fs = project({ name: 'p' })
    await install({ fs, dir: '/home/user/p', client: client(), add: ['left-pad'], saveDev: true })
    expect(JSON.parse(fs.readText('/home/user/p/package.json')).devDependencies).toEqual({ 'left-pad': '^1.3.0' })
    const r = await install({ fs, dir: '/home/user/p', client: client(), remove: ['left-pad'] })
    expect(r.removed).toBe(1)
    expect(fs.exists('/home/user/p/node_modules/left-pad')).toBe(false)
  })

  it('reinstalls from the lockfile without asking the registry for packuments', async () => {
    const fs = project({ name: 'p', dependencies: { greet: '1.0.0' } })
    await install({ fs, dir: '/home/user/p', client: client() })
    fs.rm('/home/user/p/node_modules', { recursive: true })
    clearMemoryCaches()
    const before = registry.hits.packument
    const r = await install({ fs, dir: '/home/user/p', client: client() })
    expect(r.added).toBe(2)
    expect(registry.hits.packument).toBe(before)
  })

  it.each([
    ['no-such-package', 'E404'],
    ['badsum', 'EINTEGRITY'],
    ['evil', 'E_TAR_TRAVERSAL'],
    ['left-pad@^9', 'ETARGET'],
  ])('refuses %s with %s and leaves the project untouched', async (spec, code) => {
    const fs = project({ name: 'p' })
    const err = await install({ fs, dir: '/home/user/p', client: client(), add: [spec] }).catch((e: unknown) => e)
    expect(err).toBeInstanceOf(NpmError)
    expect((err as NpmError).code).toBe(code)
    expect(fs.readdir('/home/user/p').map((e) => e.name)).toEqual(['package.json'])
    expect(fs.readText('/home/user/p/package.json')).toBe('{"name":"p"}')
    expect(fs.exists('/home/escaped.js') || fs.exists('/home/user/escaped.js')).toBe(false)
  })
})

describe('pieces', () => {
  it('parses specs', () => {
    expect(parseSpec('a')).toEqual({ name: 'a', range: 'latest' })
    expect(parseSpec('a@^1')).toEqual({ name: 'a', range: '^1' })
    expect(parseSpec('@s/a')).toEqual({ name: '@s/a', range: 'latest' })
    expect(parseSpec('@s/a@~2.1')).toEqual({ name: '@s/a', range: '~2.1' })
  })
  it('picks versions by tag and range, preferring latest', () => {
    const doc = { name: 'x', 'dist-tags': { latest: '1.2.0', next: '2.0.0-rc.1' }, versions: Object.fromEntries(['1.0.0', '1.2.0', '1.3.0', '2.0.0-rc.1'].map((v) => [v, { name: 'x', version: v, dist: { tarball: '' } }])) }
    expect(pickVersion(doc, 'latest')?.version).toBe('1.2.0')
    expect(pickVersion(doc, 'next')?.version).toBe('2.0.0-rc.1')
    expect(pickVersion(doc, '^1.0.0')?.version).toBe('1.2.0')
    expect(pickVersion(doc, '>=1.3.0 <2')?.version).toBe('1.3.0')
    expect(pickVersion(doc, '^3')).toBeUndefined()
  })
  it('refuses tar entries outside the package folder', () => {
    expect(safeEntryPath('package/lib/a.js')).toBe('lib/a.js')
    expect(() => safeEntryPath('package/../../x')).toThrow(/outside the package folder/)
    expect(() => safeEntryPath('/etc/passwd')).toThrow(/outside the package folder/)
  })
  it('checks sha512 integrity', async () => {
    const data = new TextEncoder().encode('hello')
    const good = await sha512Integrity(data)
    await expect(verifyIntegrity(data, 'x@1', good)).resolves.toBeUndefined()
    await expect(verifyIntegrity(new TextEncoder().encode('hellO'), 'x@1', good)).rejects.toThrow(/integrity checksum failed/)
  })
})

describe('cache layers', () => {
  it('serves a second install from the session cache, then memory, without the registry', async () => {
    clearMemoryCaches()
    const fs = project({ name: 'p', dependencies: { greet: '1.0.0' } })
    const disk = { fs, dir: '/home/user/.npm/_cache' }
    const first = new RegistryClient(registry.url, (input, init) => fetch(input, init), { disk })
    await install({ fs, dir: '/home/user/p', client: first })
    expect(first.stats.registry).toBe(4)
    expect(fs.readdir('/home/user/.npm/_cache/tarballs')).toHaveLength(2)
    clearMemoryCaches()
    fs.rm('/home/user/p/node_modules', { recursive: true })
    fs.rm('/home/user/p/package-lock.json')
    const second = new RegistryClient(registry.url, (input, init) => fetch(input, init), { disk })
    await install({ fs, dir: '/home/user/p', client: second })
    expect(second.stats).toEqual({ registry: 0, r2: 0, disk: 4, memory: 0 })
  })
})
