/**
 * The published shape of every package: its `exports` map is pinned, every target exists
 * after the build, and the portable entries import in plain Node.
 */
import { execFileSync } from 'node:child_process'
import { existsSync, readFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const pkg = (name: string) => JSON.parse(readFileSync(join(root, 'packages', name, 'package.json'), 'utf8')) as {
  name: string
  exports: Record<string, string | Record<string, string>>
}

const targets = (entry: string | Record<string, string>): string[] => (typeof entry === 'string' ? [entry] : Object.values(entry))

describe('package exports', () => {
  it.each([
    ['worker', ['.', './auth', './router', './runtime-sync-helper', './package.json', './public/_assets/esbuild-0.24.2.wasm', './public/favicon.svg', './public/index.html', './public/s/index.html']],
    ['sdk', ['.', './errors', './sandbox', './session', './token', './worker', './package.json']],
    ['config', ['.', './package.json']],
  ])('%s exports exactly its public subpaths', (name, subpaths) => {
    expect(Object.keys(pkg(name).exports).sort()).toEqual([...subpaths].sort())
  })

  it.each(['worker', 'sdk', 'config'])('every export target of %s exists after the build', (name) => {
    const { exports } = pkg(name)
    const missing = Object.entries(exports)
      .flatMap(([, entry]) => targets(entry))
      .filter((target) => !existsSync(join(root, 'packages', name, target)))
    expect(missing).toEqual([])
  })

  it('plain Node imports the portable entries from the workspace', () => {
    const script = `
      const token = await import('@nimbus-sh/sdk/token')
      const errors = await import('@nimbus-sh/sdk/errors')
      const session = await import('@nimbus-sh/sdk/session')
      const sandbox = await import('@nimbus-sh/sdk/sandbox')
      const all = await import('@nimbus-sh/sdk')
      const config = await import('@nimbus-sh/config')
      const auth = await import('@nimbus-sh/worker/auth')
      console.log(JSON.stringify({
        issue: typeof token.issueNimbusToken,
        error: typeof errors.NimbusAuthError,
        attach: typeof session.sessionAttachUrl,
        same: all.issueNimbusToken === auth.issueNimbusToken,
        define: typeof config.defineNimbusConfig,
        nimbus: typeof sandbox.Nimbus.connect,
        rootNimbus: all.Nimbus === sandbox.Nimbus,
      }))`
    const out = execFileSync(process.execPath, ['--input-type=module', '-e', script], { cwd: root, encoding: 'utf8' })
    expect(JSON.parse(out)).toEqual({ issue: 'function', error: 'function', attach: 'function', same: true, define: 'function', nimbus: 'function', rootNimbus: true })
  })
})
