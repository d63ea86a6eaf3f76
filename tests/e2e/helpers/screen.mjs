/**
 * Reads the terminal page the way a person does: the text rows xterm's DOM renderer draws
 * (`.xterm-rows`), a prompt `user@nimbus:<cwd>$ `, a command typed after it, and the output
 * that appears before the next prompt. The line logic is pure so it can be unit-tested.
 */

const PROMPT = /^user@nimbus:[^$\s]*\$ ?/

/** True when a screen row is a prompt with nothing typed after it. */
export function isBarePrompt(line) {
  return /^user@nimbus:[^$\s]*\$$/.test(line.trimEnd())
}

/** Rows where `cmd` was typed at a prompt. */
export function commandRows(lines, cmd) {
  const rows = []
  lines.forEach((line, i) => {
    const m = PROMPT.exec(line)
    if (m && line.slice(m[0].length).trimEnd() === cmd) rows.push(i)
  })
  return rows
}

/**
 * The output of the last run of `cmd`: the rows between it and the next bare prompt, or
 * undefined while that run has not finished.
 */
export function lastRunOutput(lines, cmd) {
  const rows = commandRows(lines, cmd)
  const at = rows.at(-1)
  if (at === undefined) return undefined
  for (let i = at + 1; i < lines.length; i++) {
    if (isBarePrompt(lines[i])) return lines.slice(at + 1, i)
  }
  return undefined
}

/** The terminal rows as text, trailing blanks trimmed (xterm draws spaces as NBSP). */
export async function readScreen(page) {
  return page.evaluate(() =>
    Array.from(document.querySelectorAll('.xterm-rows > div'), (row) =>
      (row.textContent ?? '').replace(/\u00a0/g, ' ').trimEnd(),
    ),
  )
}

/** Polls the screen until `predicate(lines)` holds; the error shows the last screen. */
export async function waitForScreen(page, predicate, { timeoutMs = 15_000, what = 'screen condition' } = {}) {
  const deadline = Date.now() + timeoutMs
  let lines = []
  for (;;) {
    lines = await readScreen(page)
    if (predicate(lines)) return lines
    if (Date.now() > deadline) {
      throw new Error(`timed out waiting for ${what}; screen was:\n${lines.filter(Boolean).join('\n')}`)
    }
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

/** Waits until the last non-empty row is a bare prompt. */
export async function waitForPrompt(page, opts = {}) {
  return waitForScreen(page, (lines) => isBarePrompt(lines.filter((l) => l !== '').at(-1) ?? ''), {
    what: 'the prompt',
    ...opts,
  })
}

/** Types `cmd` and Enter into the terminal and returns the rows it printed. */
export async function runCommand(page, cmd, { timeoutMs = 15_000 } = {}) {
  const before = commandRows(await readScreen(page), cmd).length
  await page.focus('.xterm-helper-textarea')
  await page.keyboard.type(cmd)
  await page.keyboard.press('Enter')
  let output
  await waitForScreen(
    page,
    (lines) => {
      if (commandRows(lines, cmd).length <= before) return false
      output = lastRunOutput(lines, cmd)
      return output !== undefined
    },
    { timeoutMs, what: `\`${cmd}\` to finish` },
  )
  return output ?? []
}
