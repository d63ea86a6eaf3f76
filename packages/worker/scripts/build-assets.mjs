/**
 * Builds the browser assets served from `public/_assets/`: the terminal page script and its
 * stylesheet (xterm's own CSS plus the page layout). The client is type-checked against the
 * DOM first, since the worker's own tsc build deliberately leaves `src/terminal` out.
 * Run by `npm run build` in this package, after tsc.
 */
import { execFileSync } from 'node:child_process'
import { mkdir, rm, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const outDir = join(pkgDir, 'public', '_assets')
const require = createRequire(import.meta.url)

// Type errors in the page should fail the build just as they do for the worker.
const tsc = require.resolve('typescript/bin/tsc')
execFileSync(process.execPath, [tsc, '-p', join(pkgDir, 'src', 'terminal', 'tsconfig.json')], { stdio: 'inherit' })

// Only the terminal bundle is ours to rebuild; leave any other asset in the folder alone.
await mkdir(outDir, { recursive: true })
for (const name of ['terminal.js', 'terminal.css', 'terminal.js.map', 'terminal.css.map']) {
  await rm(join(outDir, name), { force: true })
}

const result = await build({
  entryPoints: { terminal: join(pkgDir, 'src', 'terminal', 'main.ts') },
  outdir: outDir,
  bundle: true,
  format: 'esm',
  platform: 'browser',
  target: ['es2022', 'chrome110', 'firefox115', 'safari16'],
  minify: true,
  sourcemap: false,
  legalComments: 'eof',
  metafile: true,
  logLevel: 'warning',
})

// Metafile paths are relative to the working directory esbuild ran in.
for (const file of Object.keys(result.metafile.outputs)) {
  const abs = resolve(file)
  const { size } = await stat(abs)
  console.log(`  ${relative(pkgDir, abs)}  ${(size / 1024).toFixed(1)} KiB`)
}
