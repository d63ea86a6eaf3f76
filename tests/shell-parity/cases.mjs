/**
 * The parity case format, shared by the generator (real bash) and the test (sandbox).
 * A case file holds cases separated by `## name` lines; `#< text` lines give stdin.
 */

export function parseCases(text) {
  const cases = []
  let cur
  for (const line of text.split('\n')) {
    const head = /^## (.+)$/.exec(line)
    if (head) {
      if (cur) cases.push(finish(cur))
      cur = { name: head[1].trim(), lines: [], stdin: undefined }
      continue
    }
    if (!cur) continue
    const input = /^#< ?(.*)$/.exec(line)
    if (input) {
      cur.stdin = (cur.stdin ?? '') + input[1] + '\n'
      continue
    }
    cur.lines.push(line)
  }
  if (cur) cases.push(finish(cur))
  return cases
}

function finish(c) {
  while (c.lines.length && c.lines[c.lines.length - 1].trim() === '') c.lines.pop()
  const out = { name: c.name, script: c.lines.join('\n') + '\n' }
  if (c.stdin !== undefined) out.stdin = c.stdin
  return out
}

/**
 * bash run with `-c` prefixes errors with `bash: line N:` (or `bash: -c: line N:` for
 * syntax errors); an interactive bash and the sandbox print `bash:` alone.
 */
export function normalizeBash(s) {
  return s.replace(/^bash: (-c: )?line \d+: /gm, 'bash: ')
}
