#!/usr/bin/env node
/**
 * `npm start`: serves apps/hosted-demo with `wrangler dev` on 127.0.0.1:8787. Extra flags
 * pass straight to wrangler (`npm start -- --port 9000 --var JWT_SECRET:…`).
 */
import { spawn } from 'node:child_process'
import { existsSync } from 'node:fs'
import { createRequire } from 'node:module'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = join(dirname(fileURLToPath(import.meta.url)), '..')
const require = createRequire(import.meta.url)
const wrangler = join(dirname(require.resolve('wrangler/package.json')), 'bin/wrangler.js')
const args = process.argv.slice(2)
const has = (flag) => args.some((a) => a === flag || a.startsWith(`${flag}=`))

if (!existsSync(join(root, 'packages/worker/dist/index.js')) || !existsSync(join(root, 'packages/worker/public/_assets'))) {
  console.error('nimbus: packages are not built yet; run `npm install` (or `npm run build`) first.')
  process.exit(1)
}

const wranglerArgs = ['dev', '--config', join(root, 'apps/hosted-demo/wrangler.jsonc')]
if (!has('--ip')) wranglerArgs.push('--ip', '127.0.0.1')
if (!has('--port')) wranglerArgs.push('--port', '8787')
wranglerArgs.push(...args)

const child = spawn(process.execPath, [wrangler, ...wranglerArgs], {
  stdio: 'inherit',
  env: { WRANGLER_SEND_METRICS: 'false', ...process.env },
})
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal))
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)))
