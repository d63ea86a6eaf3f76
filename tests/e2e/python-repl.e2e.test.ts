/**
 * The Python REPL as a person uses it: in Chromium, on the real hosted demo (`npm start`),
 * typing into the terminal page — prompts, state across lines, a traceback that keeps the
 * REPL alive, Ctrl-C, then Ctrl-D back to the shell. Also `ruby -e` from the same terminal.
 */
import type { Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { chromiumPath, launchChromium } from './helpers/chromium.mjs'
import { startDevServer, type DevServer } from './helpers/dev-server.mjs'
import { readScreen, runCommand, waitForPrompt, waitForScreen } from './helpers/screen.mjs'

type Browser = Awaited<ReturnType<typeof launchChromium>>

let server: DevServer | undefined
let browser: Browser | undefined
let page: Page

const lastLine = (lines: string[]) => lines.filter((l) => l !== '').at(-1) ?? ''

async function typeLine(text: string): Promise<void> {
  await page.focus('.xterm-helper-textarea')
  await page.keyboard.type(text)
  await page.keyboard.press('Enter')
}

/** Waits for the REPL's primary prompt on the last row, after at least `count` of them. */
async function waitForPy(count: number, timeoutMs = 60_000): Promise<string[]> {
  return waitForScreen(page, (lines) => lines.filter((l) => l.startsWith('>>>')).length >= count && lastLine(lines) === '>>>', {
    what: `python prompt #${count}`,
    timeoutMs,
  })
}

beforeAll(async () => {
  chromiumPath()
  server = await startDevServer()
  browser = await launchChromium({ viewport: { width: 1000, height: 700 } })
  page = await browser.context.newPage()
})

afterAll(async () => {
  await browser?.close()
  await server?.stop()
})

describe('python REPL in the browser terminal', () => {
  it('keeps state across lines, survives an error and returns to the shell', async () => {
    if (!server) throw new Error('dev server did not start')
    await page.goto(`${server.url}/new`)
    await waitForPrompt(page, { timeoutMs: 30_000 })

    await typeLine('python3')
    await waitForPy(1, 90_000)
    await typeLine('x = 21')
    await waitForPy(2)
    await typeLine('x * 2')
    let lines = await waitForPy(3)
    expect(lines).toContain('42')

    await typeLine('for i in range(2):')
    await waitForScreen(page, (l) => lastLine(l) === '...', { what: 'the continuation prompt' })
    await typeLine('    print("row", i)')
    await typeLine('')
    lines = await waitForPy(4)
    expect(lines).toEqual(expect.arrayContaining(['row 0', 'row 1']))

    await typeLine('1 / 0')
    lines = await waitForPy(5)
    expect(lines).toContain('ZeroDivisionError: division by zero')
    await typeLine('x')
    lines = await waitForPy(6)
    expect(lines.filter((l) => l === '21')).toHaveLength(1)

    // Ctrl-C drops the half-typed line; the REPL stays.
    await page.keyboard.type('this is not python')
    await page.keyboard.press('Control+C')
    lines = await waitForScreen(page, (l) => l.some((r) => r.includes('KeyboardInterrupt')) && lastLine(l) === '>>>', {
      what: 'KeyboardInterrupt and a fresh prompt',
    })

    // Ctrl-D leaves the REPL; the shell prompt is back and works.
    await page.keyboard.press('Control+D')
    await waitForPrompt(page, { timeoutMs: 15_000 })
    expect(await runCommand(page, 'echo back-in-the-shell')).toEqual(['back-in-the-shell'])
  })

  it('writes files the shell sees, and ruby runs from the same terminal', async () => {
    expect(await runCommand(page, `python3 -c "open('py.txt', 'w').write('from python')"`, { timeoutMs: 60_000 })).toEqual([])
    expect(await runCommand(page, 'cat py.txt; echo')).toEqual(['from python'])
    expect(await runCommand(page, `ruby -e 'puts [1, 2, 3].sum'`, { timeoutMs: 90_000 })).toEqual(['6'])
    expect((await readScreen(page)).some((l) => l.includes('error'))).toBe(false)
  })
})
