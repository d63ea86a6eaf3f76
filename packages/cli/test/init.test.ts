import { mkdir, mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { createWranglerConfig, parseJsonc } from '@nimbus-sh/config'
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { ensureCliBuilt, runCli } from './helpers/cli.js'

let base: string

beforeAll(() => ensureCliBuilt(), 120_000)
beforeEach(async () => {
  base = await mkdtemp(join(tmpdir(), 'nimbus-init-'))
})
afterEach(async () => {
  await rm(base, { recursive: true, force: true })
})

const FILES = ['.dev.vars', '.gitignore', 'README.md', 'nimbus.config.ts', 'package.json', 'src/index.ts', 'tsconfig.json', 'wrangler.jsonc']

describe('nimbus init', () => {
  it('scaffolds a new directory with the spec quickstart and a fresh secret', async () => {
    const run = await runCli(['init', 'My Worker'], { cwd: base })
    expect(run.stderr).toBe('')
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('Created my-worker')
    expect(run.stdout).toContain('npm install')
    const dir = join(base, 'My Worker')
    for (const f of FILES) expect((await stat(join(dir, f))).isFile()).toBe(true)

    const wrangler = parseJsonc(await readFile(join(dir, 'wrangler.jsonc'), 'utf8'))
    expect(wrangler).toEqual(createWranglerConfig({ name: 'my-worker' }))

    const pkg = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8')) as { name: string; dependencies: Record<string, string>; devDependencies: Record<string, string> }
    expect(pkg.name).toBe('my-worker')
    expect(Object.keys(pkg.dependencies).sort()).toEqual(['@nimbus-sh/config', '@nimbus-sh/sdk', '@nimbus-sh/worker'])
    expect(pkg.devDependencies['wrangler']).toMatch(/^\^4\./)

    const index = await readFile(join(dir, 'src/index.ts'), 'utf8')
    expect(index).toContain("} from '@nimbus-sh/sdk/worker';")
    for (const cls of ['NimbusSession', 'SupervisorRPC', 'NimbusAssetsRPC', 'NimbusLoaderRPC', 'NimbusLoadedWorker', 'NimbusLoadedEntrypoint', 'NimbusDurableObjectNamespace', 'NimbusDOStub', 'CirrusHmrRPC']) {
      expect(index.match(new RegExp(`^  ${cls},$`, 'gm'))).toHaveLength(2)
    }
    expect(index).toContain('export default createNimbusHandler({')
    expect(await readFile(join(dir, 'nimbus.config.ts'), 'utf8')).toContain('defineNimbusConfig({')

    const secret = /^JWT_SECRET=([0-9a-f]+)$/m.exec(await readFile(join(dir, '.dev.vars'), 'utf8'))?.[1]
    expect(secret).toHaveLength(64)
    expect(await readFile(join(dir, '.gitignore'), 'utf8')).toContain('.dev.vars')

    const again = await runCli(['init', 'other', '--name', 'other'], { cwd: base })
    const secret2 = /^JWT_SECRET=([0-9a-f]+)$/m.exec(await readFile(join(base, 'other/.dev.vars'), 'utf8'))?.[1]
    expect(again.code).toBe(0)
    expect(secret2).not.toBe(secret)
  })

  it('treats a directory holding only .git as empty and reports JSON', async () => {
    await mkdir(join(base, 'proj/.git'), { recursive: true })
    const run = await runCli(['init', 'proj', '--name', 'proj-1', '--json'], { cwd: base })
    expect(run.code).toBe(0)
    const out = JSON.parse(run.stdout) as { ok: boolean; name: string; files: string[] }
    expect(out).toMatchObject({ ok: true, name: 'proj-1' })
    expect([...out.files].sort()).toEqual(FILES)
  })

  it('refuses a non-empty directory without --force and touches nothing', async () => {
    const dir = join(base, 'busy')
    await mkdir(dir)
    await writeFile(join(dir, 'notes.txt'), 'mine')
    const run = await runCli(['init', 'busy'], { cwd: base })
    expect(run.code).toBe(3)
    expect(run.stderr).toContain('is not empty (notes.txt)')
    expect(run.stderr).toContain('--force')
    await expect(stat(join(dir, 'package.json'))).rejects.toThrow()
  })

  it('--force writes into a non-empty directory but keeps an existing .dev.vars', async () => {
    const dir = join(base, 'busy')
    await mkdir(dir)
    await writeFile(join(dir, 'notes.txt'), 'mine')
    await writeFile(join(dir, '.dev.vars'), 'JWT_SECRET=keepme\n')
    await writeFile(join(dir, 'package.json'), '{}')
    const run = await runCli(['init', '--force'], { cwd: dir })
    expect(run.code).toBe(0)
    expect(run.stdout).toContain('.dev.vars (kept existing)')
    expect(await readFile(join(dir, '.dev.vars'), 'utf8')).toBe('JWT_SECRET=keepme\n')
    expect(await readFile(join(dir, 'notes.txt'), 'utf8')).toBe('mine')
    expect(JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'))).toMatchObject({ name: 'busy' })
  })

  it('rejects names that cannot be Worker or bucket names', async () => {
    const bad = await runCli(['init', 'x', '--name', 'Bad_Name'], { cwd: base })
    expect(bad.code).toBe(2)
    expect(bad.stderr).toContain('name: "Bad_Name" is not a valid Worker name')
    const derived = await runCli(['init', '___'], { cwd: base })
    expect(derived.code).toBe(2)
    expect(derived.stderr).toContain('cannot derive a Worker name from "___"')
    expect(derived.stderr).toContain('--name')
    const file = join(base, 'file')
    await writeFile(file, '')
    const notDir = await runCli(['init', 'file', '--name', 'ok'], { cwd: base })
    expect(notDir.code).toBe(3)
    expect(notDir.stderr).toContain('is not a directory')
    const underFile = await runCli(['init', 'file/sub', '--name', 'ok'], { cwd: base })
    expect(underFile.code).toBe(3)
    expect(underFile.stderr).toContain('a parent path is not a directory (ENOTDIR)')
  })
})
