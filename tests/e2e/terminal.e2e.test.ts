/**
 * The browser terminal end to end, against the real hosted demo (`npm start`): launch from the
 * landing page, write a file, reload, open a second tab, resize, lose the socket, restart the
 * server. Everything a person would do, read back from the screen.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { chromiumPath, launchChromium } from './helpers/chromium.mjs'
import { startDevServer, type DevServer } from './helpers/dev-server.mjs'
import { instrumentTerminalPage, type TerminalProbe } from './helpers/instrument.mjs'
import { commandRows, lastRunOutput, runCommand, waitForPrompt, waitForScreen } from './helpers/screen.mjs'

type Browser = Awaited<ReturnType<typeof launchChromium>>

let persistDir: string
let server: DevServer | undefined
let browser: Browser | undefined
let page: Page
let sessionUrl: string
/** Every request the pages made, and every response that was an HTTP error. */
const requests: string[] = []
const failures: string[] = []

const probe = (p: Page): Promise<TerminalProbe> =>
  p.evaluate(() => {
    const w = window as unknown as { __nimbusProbe: TerminalProbe }
    const { sent, received, states } = w.__nimbusProbe
    return { sent, received, states, sockets: [] }
  })

const framesOf = (raw: string[]): Array<Record<string, unknown>> => raw.map((s) => JSON.parse(s) as Record<string, unknown>)

async function waitUntilConnected(p: Page, timeout = 20_000): Promise<void> {
  await p.waitForSelector('#status[data-state="open"]', { timeout })
}

/** A setup failure (no Chromium, a server that will not start) fails every test with its message. */
let setupError: unknown

beforeAll(async () => {
  try {
    // Check the browser first, so a missing one is reported before a slow server start.
    chromiumPath()
    persistDir = await mkdtemp(join(tmpdir(), 'nimbus-e2e-persist-'))
    server = await startDevServer({ persistDir })
    browser = await launchChromium({ viewport: { width: 1000, height: 700 } })
    await browser.context.addInitScript(instrumentTerminalPage)
    browser.context.on('request', (r) => requests.push(r.url()))
    browser.context.on('response', (r) => {
      if (r.status() >= 400) failures.push(`${r.status()} ${r.url()}`)
    })
    page = await browser.context.newPage()
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
  if (persistDir) await rm(persistDir, { recursive: true, force: true })
})

describe('browser terminal', () => {
  it('launches a sandbox from the landing page and shows the prompt', async () => {
    if (!server) throw new Error('dev server did not start')
    await page.goto(`${server.url}/`)
    const launch = page.locator('a[href="/new"]')
    expect(await launch.count()).toBe(1)
    await launch.click()
    await page.waitForURL(/\/s\/[A-Za-z0-9._-]{1,128}\/$/)
    sessionUrl = page.url()
    const id = new URL(sessionUrl).pathname.split('/')[2] ?? ''
    expect(await page.title()).toContain(id)
    await waitForPrompt(page, { timeoutMs: 30_000 })
    await waitUntilConnected(page)
    const lines = await waitForPrompt(page)
    expect(lines.filter(Boolean).at(-1)).toBe('user@nimbus:~$')
  })

  it('writes a file that is still there after a reload', async () => {
    expect(await runCommand(page, 'echo hello > f.txt')).toEqual([])
    expect(await runCommand(page, 'cat f.txt')).toEqual(['hello'])

    await page.reload()
    // The replayed scrollback shows the earlier run before anything new is typed.
    await waitForScreen(page, (lines) => lastRunOutput(lines, 'cat f.txt')?.[0] === 'hello', {
      what: 'the replayed scrollback',
    })
    await waitUntilConnected(page)
    await waitForPrompt(page)
    expect(await runCommand(page, 'cat f.txt')).toEqual(['hello'])
  })

  it('attaches a second tab on the same URL to the same session', async () => {
    if (!browser) throw new Error('browser did not start')
    const tab2 = await browser.context.newPage()
    try {
      await tab2.goto(sessionUrl)
      await waitForScreen(tab2, (lines) => commandRows(lines, 'cat f.txt').length >= 2 && lines.includes('hello'), {
        what: 'the earlier output replayed in the second tab',
      })
      await waitUntilConnected(tab2)
      await waitForPrompt(tab2)
      expect(await runCommand(tab2, 'echo from-tab-2')).toEqual(['from-tab-2'])
      expect(await runCommand(tab2, 'cat f.txt')).toEqual(['hello'])
      // Both screens show one terminal: the first tab sees what the second one ran.
      await waitForScreen(page, (lines) => lastRunOutput(lines, 'echo from-tab-2')?.[0] === 'from-tab-2', {
        what: 'the second tab\u2019s command in the first tab',
      })
    } finally {
      await tab2.close()
    }
  })

  it('sends the new size when the window is resized and keeps working', async () => {
    const before = framesOf((await probe(page)).sent).filter((f) => f.t === 'r')
    const last = before.at(-1)
    expect(last).toBeDefined()
    await page.setViewportSize({ width: 640, height: 480 })
    const handle = await page.waitForFunction(
      (prev) => {
        const w = window as unknown as { __nimbusProbe: TerminalProbe }
        const sizes = w.__nimbusProbe.sent.map((s) => JSON.parse(s) as { t: string; c?: number; r?: number }).filter((f) => f.t === 'r')
        const latest = sizes.at(-1)
        return latest !== undefined && latest.c !== prev ? latest : undefined
      },
      last?.c,
      { timeout: 10_000 },
    )
    const resized = (await handle.jsonValue()) as unknown as { c: number; r: number }
    expect(resized.c).toBeLessThan(Number(last?.c))
    expect(resized.r).toBeLessThan(Number(last?.r))
    expect(await runCommand(page, 'echo after-resize')).toEqual(['after-resize'])
    const errors = framesOf((await probe(page)).received).filter((f) => f.t === 'e')
    expect(errors).toEqual([])
  })

  it('shows that it is reconnecting after a dropped socket, then recovers', async () => {
    const socketsBefore = await page.evaluate(() => (window as unknown as { __nimbusProbe: TerminalProbe }).__nimbusProbe.sockets.length)
    await page.evaluate(() => {
      const w = window as unknown as { __nimbusProbe: TerminalProbe }
      w.__nimbusProbe.states.length = 0
      w.__nimbusProbe.sockets.at(-1)?.close()
    })
    // The badge must say so before it can be trusted to say "open" again.
    await page.waitForFunction(() => (window as unknown as { __nimbusProbe: TerminalProbe }).__nimbusProbe.states.includes('reconnecting'), undefined, {
      timeout: 10_000,
    })
    await waitUntilConnected(page)
    const { states } = await probe(page)
    expect(states).toContain('reconnecting')
    expect(states.at(-1)).toBe('open')
    const socketsAfter = await page.evaluate(() => (window as unknown as { __nimbusProbe: TerminalProbe }).__nimbusProbe.sockets.length)
    expect(socketsAfter).toBe(socketsBefore + 1)
    await waitForPrompt(page)
    expect(await runCommand(page, 'echo after-reconnect')).toEqual(['after-reconnect'])
  })

  it('rides out a server restart and finds its files again', async () => {
    if (!server) throw new Error('dev server did not start')
    const port = server.port
    await server.stop()
    server = undefined
    await page.waitForSelector('#status[data-state="reconnecting"]', { timeout: 10_000 })
    expect(await page.textContent('#status')).toContain('reconnecting')
    server = await startDevServer({ port, persistDir })
    // The page retries on its own; its backoff is capped at 10 s.
    await waitUntilConnected(page, 30_000)
    await waitForPrompt(page)
    expect(await runCommand(page, 'cat /home/user/f.txt')).toEqual(['hello'])
  })

  it('loads everything from its own origin, without a failed request', () => {
    const origin = new URL(sessionUrl).origin
    expect(requests.length).toBeGreaterThan(0)
    expect(requests.filter((u) => !u.startsWith(`${origin}/`) && !/^(ws|data|blob):/.test(u))).toEqual([])
    expect(requests.some((u) => /\/_assets\/terminal-[A-Za-z0-9]+\.js$/.test(u))).toBe(true)
    expect(failures).toEqual([])
  })

  it('lets browsers keep the hashed bundles for good', async () => {
    const bundle = requests.find((u) => /\/_assets\/terminal-[A-Za-z0-9]+\.(js|css)$/.test(u))
    expect(bundle).toBeDefined()
    const res = await fetch(bundle ?? '')
    await res.arrayBuffer()
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toContain('immutable')
  })

  it('serves none of the repository files that sit beside the assets', async () => {
    const origin = new URL(sessionUrl).origin
    for (const name of ['.gitignore', '.npmignore', '.assetsignore', '_headers']) {
      const res = await fetch(`${origin}/${name}`)
      await res.arrayBuffer()
      expect(res.status, name).toBe(404)
    }
  })
})
