/**
 * Terminal benchmarks against a real `npm start` dev server:
 * - `/new` → prompt visible: Chromium navigates to `/new` (redirect, page, bundle, socket,
 *   a brand-new session) until the prompt row is in the DOM, timed inside the page from the
 *   navigation's own start, so browser-driver overhead is not counted.
 * - warm `echo` round trip: a plain WebSocket client on an attached session sends
 *   `echo x` + Enter and waits for the `x` line.
 * Run alone with `node scripts/bench/terminal.mjs`, or through `npm run bench`.
 */
import { pathToFileURL } from 'node:url'
import { launchChromium } from '../../tests/e2e/helpers/chromium.mjs'
import { startDevServer } from '../../tests/e2e/helpers/dev-server.mjs'

const PROMPT_RUNS = 11
const ECHO_WARMUP = 10
const ECHO_RUNS = 50
const PROMPT_LINE = /user@nimbus:[^$\s]*\$\s*$/

export default async function bench() {
  const server = await startDevServer()
  try {
    const prompt = await promptVisible(server.url)
    const echo = await echoRoundTrip(server.url)
    return [
      {
        area: 'terminal',
        name: '/new → prompt visible (Chromium)',
        target: '≤ 300 ms',
        medianMs: median(prompt),
        runs: prompt.length,
        notes: 'wrangler dev on loopback; a new session each run; timed in the page from navigation start; bundle from the browser cache after one warm-up',
      },
      {
        area: 'terminal',
        name: 'warm echo round trip (WebSocket)',
        target: '≤ 3 ms',
        medianMs: median(echo),
        runs: echo.length,
        notes: 'wrangler dev on loopback; send `echo x` + Enter, until the `x` line arrives',
      },
    ]
  } finally {
    await server.stop()
  }
}

/** Milliseconds from navigation start to the prompt row appearing, per run. */
async function promptVisible(baseUrl) {
  const browser = await launchChromium()
  try {
    await browser.context.addInitScript(watchForPrompt, PROMPT_LINE.source)
    const times = []
    // One warm-up so every measured run finds the bundle in the browser cache.
    for (let i = 0; i < PROMPT_RUNS + 1; i++) {
      const page = await browser.context.newPage()
      try {
        await page.goto(`${baseUrl}/new`)
        const handle = await page.waitForFunction(() => window.__nimbusPromptAt, undefined, { timeout: 30_000 })
        const at = Number(await handle.jsonValue())
        if (i > 0) times.push(at)
      } finally {
        await page.close()
      }
    }
    return times
  } finally {
    await browser.close()
  }
}

/** Runs in the page before its scripts: notes `performance.now()` when a prompt row shows. */
function watchForPrompt(source) {
  const re = new RegExp(source)
  const check = () => {
    if (window.__nimbusPromptAt !== undefined) return
    for (const row of document.querySelectorAll('.xterm-rows > div')) {
      if (re.test((row.textContent ?? '').replace(/\u00a0/g, ' '))) {
        window.__nimbusPromptAt = performance.now()
        observer.disconnect()
        return
      }
    }
  }
  const observer = new MutationObserver(check)
  observer.observe(document, { subtree: true, childList: true, characterData: true })
}

/** Milliseconds per warm `echo x` over one socket. */
async function echoRoundTrip(baseUrl) {
  if (typeof WebSocket !== 'function') throw new Error('this benchmark needs Node 22 or newer (global WebSocket)')
  const res = await fetch(`${baseUrl}/new`, { redirect: 'manual' })
  const location = res.headers.get('location')
  if (res.status !== 302 || !location) throw new Error(`GET /new answered ${res.status}, expected a 302`)
  const pagePath = new URL(location, baseUrl).pathname
  const ws = new WebSocket(`${baseUrl.replace(/^http/, 'ws')}${pagePath}ws`)
  let output = ''
  let waiter
  ws.addEventListener('message', (ev) => {
    const msg = JSON.parse(String(ev.data))
    if (msg.t === 'o' || msg.t === 'h') output += msg.d
    if (msg.t === 'e') output += `\n[error ${msg.code}: ${msg.error}]\n`
    waiter?.()
  })
  const until = (test, what) =>
    new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}; output:\n${output.slice(-500)}`)), 15_000)
      waiter = () => {
        if (!test()) return
        clearTimeout(timer)
        waiter = undefined
        resolve()
      }
      waiter()
    })
  await new Promise((resolve, reject) => {
    ws.addEventListener('open', resolve, { once: true })
    ws.addEventListener('error', () => reject(new Error('terminal socket failed to open')), { once: true })
  })
  try {
    ws.send(JSON.stringify({ t: 'r', c: 120, r: 40 }))
    await until(() => PROMPT_LINE.test(output), 'the first prompt')
    const times = []
    for (let i = 0; i < ECHO_WARMUP + ECHO_RUNS; i++) {
      const from = output.length
      const t0 = performance.now()
      ws.send(JSON.stringify({ t: 'i', d: 'echo x\r' }))
      await until(() => /\r?\nx\r?\n/.test(output.slice(from)), 'the echo output')
      const ms = performance.now() - t0
      if (i >= ECHO_WARMUP) times.push(ms)
      // Let the prompt come back before the next run so runs do not overlap.
      await until(() => PROMPT_LINE.test(output.slice(from).split(/\r?\n/).at(-1) ?? ''), 'the next prompt')
    }
    return times
  } finally {
    ws.close()
  }
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b)
  const mid = Math.floor(sorted.length / 2)
  const m = sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2
  return Math.round(m * 100) / 100
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const rows = await bench()
  for (const r of rows) console.log(`${r.name}: median ${r.medianMs} ms over ${r.runs} runs (target ${r.target})`)
}
