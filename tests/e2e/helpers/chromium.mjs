/**
 * Launches the system Chromium (Debian's `chromium`) through playwright-core with a fresh
 * profile and no background traffic. A missing browser is an error with the install command,
 * never a skipped test.
 */
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'

const FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

/** Path of the Chromium binary: $CHROMIUM_PATH, else /usr/bin/chromium, else `chromium` or `chromium-browser` on PATH. */
export function chromiumPath() {
  const candidates = [process.env.CHROMIUM_PATH, '/usr/bin/chromium']
  for (const c of candidates) if (c && existsSync(c)) return c
  try {
    const found = execFileSync('sh', ['-c', 'command -v chromium || command -v chromium-browser'], { encoding: 'utf8' }).trim()
    if (found) return found
  } catch {
    // Not on PATH either; fall through to the error.
  }
  throw new Error(
    'Chromium not found (looked at $CHROMIUM_PATH, /usr/bin/chromium and PATH). ' +
      'Install it with `apt-get update && apt-get install -y chromium`.',
  )
}

/**
 * @param {{ viewport?: { width: number, height: number } }} [opts]
 */
export async function launchChromium(opts = {}) {
  const executablePath = chromiumPath()
  const userDataDir = await mkdtemp(join(tmpdir(), 'nimbus-chromium-'))
  let context
  try {
    context = await chromium.launchPersistentContext(userDataDir, {
      executablePath,
      headless: true,
      args: FLAGS,
      viewport: opts.viewport ?? { width: 1000, height: 700 },
      timeout: 60_000,
    })
  } catch (err) {
    await rm(userDataDir, { recursive: true, force: true })
    throw err
  }
  const close = async () => {
    await context.close().catch(() => {})
    await rm(userDataDir, { recursive: true, force: true })
  }
  return { context, close }
}
