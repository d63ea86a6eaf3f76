/**
 * Builds the browser side of the terminal: the page script and its stylesheet (xterm's own
 * CSS plus the page layout) into `public/_assets/terminal-<hash>.{js,css}`, and the page
 * `public/s/index.html` from `src/terminal/page.html` with those names filled in. The hash in
 * the names lets browsers cache the bundles for good (`public/_headers`), which keeps a
 * revalidation round trip off the way to the first prompt. The client is type-checked against
 * the DOM first, since the worker's own tsc build leaves `src/terminal` out.
 * Run by `npm run build` in this package, after tsc.
 */
import { execFileSync } from 'node:child_process'
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { basename, dirname, join, relative, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'

const pkgDir = join(dirname(fileURLToPath(import.meta.url)), '..')
const srcDir = join(pkgDir, 'src', 'terminal')
const publicDir = join(pkgDir, 'public')
const outDir = join(publicDir, '_assets')
const require = createRequire(import.meta.url)

// Type errors in the page should fail the build just as they do for the worker.
const tsc = require.resolve('typescript/bin/tsc')
execFileSync(process.execPath, [tsc, '-p', join(srcDir, 'tsconfig.json')], { stdio: 'inherit' })

// Only the terminal bundles are ours to replace; leave any other asset in the folder alone.
await mkdir(outDir, { recursive: true })
for (const name of await readdir(outDir)) {
  if (/^terminal(-[A-Za-z0-9]+)?\.(js|css)(\.map)?$/.test(name)) await rm(join(outDir, name), { force: true })
}

const result = await build({
  entryPoints: { terminal: join(srcDir, 'main.ts') },
  entryNames: '[name]-[hash]',
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
const outputs = Object.keys(result.metafile.outputs).map((file) => resolve(file))
const named = (ext) => {
  const hit = outputs.find((file) => file.endsWith(ext))
  if (!hit) throw new Error(`esbuild wrote no ${ext} bundle`)
  return basename(hit)
}
const js = named('.js')
const css = named('.css')

const template = await readFile(join(srcDir, 'page.html'), 'utf8')
const page = template.replaceAll('%TERMINAL_JS%', js).replaceAll('%TERMINAL_CSS%', css)
if (page.includes('%TERMINAL_')) throw new Error('src/terminal/page.html has a placeholder the build does not know')
await mkdir(join(publicDir, 's'), { recursive: true })
await writeFile(join(publicDir, 's', 'index.html'), page)

for (const file of [...outputs, join(publicDir, 's', 'index.html')]) {
  const { size } = await stat(file)
  console.log(`  ${relative(pkgDir, file)}  ${(size / 1024).toFixed(1)} KiB`)
}
