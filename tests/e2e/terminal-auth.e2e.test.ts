/**
 * The browser terminal when auth is on (`JWT_SECRET` set): a page whose socket the session
 * refuses says why and stops retrying, instead of showing "reconnecting…" for ever; the same
 * page with a valid token attaches.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { issueNimbusToken } from '@nimbus-sh/sdk/token'
import { chromiumPath, launchChromium } from './helpers/chromium.mjs'
import { startDevServer, type DevServer } from './helpers/dev-server.mjs'
import { instrumentTerminalPage, type TerminalProbe } from './helpers/instrument.mjs'
import { runCommand, waitForPrompt, waitForScreen } from './helpers/screen.mjs'

type Browser = Awaited<ReturnType<typeof launchChromium>>

const SECRET = 'a1'.repeat(32)
let server: DevServer | undefined
let browser: Browser | undefined
let setupError: unknown

const socketsOpened = (p: Page): Promise<number> =>
  p.evaluate(() => (window as unknown as { __nimbusProbe: TerminalProbe }).__nimbusProbe.sockets.length)

beforeAll(async () => {
  try {
    chromiumPath()
    server = await startDevServer({ args: ['--var', `JWT_SECRET:${SECRET}`] })
    browser = await launchChromium({ viewport: { width: 1000, height: 700 } })
    await browser.context.addInitScript(instrumentTerminalPage)
  } catch (err) {
    setupError = err
  }
})

beforeEach(() => {
  if (setupError !== undefined) throw setupError
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('browser terminal with auth on', () => {
  it('says why the session refused the page and stops retrying', async () => {
    if (!browser || !server) throw new Error('not started')
    const page = await browser.context.newPage()
    await page.goto(`${server.url}/s/auth-e2e/`)
    await page.waitForSelector('#status[data-state="closed"]', { timeout: 20_000 })
    expect(await page.textContent('#status')).toMatch(/^disconnected: .*\(E_TOKEN_MALFORMED\)$/)
    await waitForScreen(page, (lines) => lines.some((l) => l.includes('the session closed this terminal (4401)')))
    const tries = await socketsOpened(page)
    await page.waitForTimeout(3000)
    expect(await socketsOpened(page)).toBe(tries)
    await page.close()
  })

  it('attaches with a valid token in the link', async () => {
    if (!browser || !server) throw new Error('not started')
    const token = await issueNimbusToken({ JWT_SECRET: SECRET }, { tn: 'e2e', scopes: ['session:attach'] }, { ttlMs: 10 * 60_000 })
    const page = await browser.context.newPage()
    await page.goto(`${server.url}/s/auth-e2e/?nimbus_token=${token}`)
    // The token moves into a cookie and leaves the address bar.
    expect(new URL(page.url()).search).toBe('')
    await page.waitForSelector('#status[data-state="open"]', { timeout: 20_000 })
    await waitForPrompt(page)
    expect(await runCommand(page, 'echo attached')).toEqual(['attached'])
    await page.close()
  })
})
