/**
 * Line diff (Myers' O(ND) algorithm) and git's unified format: hunks with three lines of
 * context, `\ No newline at end of file`, and the insertion/deletion counts `--stat` needs.
 */

export type Edit = { op: ' ' | '-' | '+'; line: string }

/** The shortest edit script turning `a` into `b`. */
export function diffLines(a: readonly string[], b: readonly string[]): Edit[] {
  // Trim the common head and tail first: cheap, and most edits are small.
  let head = 0
  while (head < a.length && head < b.length && a[head] === b[head]) head++
  let tail = 0
  while (tail < a.length - head && tail < b.length - head && a[a.length - 1 - tail] === b[b.length - 1 - tail]) tail++
  const A = a.slice(head, a.length - tail)
  const B = b.slice(head, b.length - tail)
  const n = A.length
  const m = B.length
  const max = n + m
  const v = new Int32Array(2 * max + 2)
  const trace: Int32Array[] = []
  const off = max + 1
  outer: for (let d = 0; d <= max; d++) {
    trace.push(v.slice())
    for (let k = -d; k <= d; k += 2) {
      let x = k === -d || (k !== d && (v[off + k - 1] as number) < (v[off + k + 1] as number)) ? (v[off + k + 1] as number) : (v[off + k - 1] as number) + 1
      let y = x - k
      while (x < n && y < m && A[x] === B[y]) {
        x++
        y++
      }
      v[off + k] = x
      if (x >= n && y >= m) break outer
    }
  }
  // Walk the trace back from the end to recover the script.
  const middle: Edit[] = []
  let x = n
  let y = m
  for (let d = trace.length - 1; d > 0; d--) {
    const vd = trace[d] as Int32Array
    const k = x - y
    const prevK = k === -d || (k !== d && (vd[off + k - 1] as number) < (vd[off + k + 1] as number)) ? k + 1 : k - 1
    const prevX = vd[off + prevK] as number
    const prevY = prevX - prevK
    while (x > prevX && y > prevY) {
      middle.push({ op: ' ', line: A[--x] as string })
      y--
    }
    if (x === prevX) middle.push({ op: '+', line: B[--y] as string })
    else middle.push({ op: '-', line: A[--x] as string })
  }
  while (x > 0 && y > 0) {
    middle.push({ op: ' ', line: A[--x] as string })
    y--
  }
  middle.reverse()
  return [
    ...a.slice(0, head).map((line) => ({ op: ' ' as const, line })),
    ...middle,
    ...a.slice(a.length - tail).map((line) => ({ op: ' ' as const, line })),
  ]
}

/** Splits text into lines, remembering whether the last one ended with a newline. */
export function splitLines(text: string): { lines: string[]; eofNewline: boolean } {
  if (text === '') return { lines: [], eofNewline: true }
  const eofNewline = text.endsWith('\n')
  const lines = (eofNewline ? text.slice(0, -1) : text).split('\n')
  return { lines, eofNewline }
}

const NO_EOL = '\\ No newline at end of file'

/** Unified hunks (`@@ -a,b +c,d @@` …) for `oldText` → `newText`; '' when equal. */
export function unifiedHunks(oldText: string, newText: string, context = 3): { text: string; added: number; removed: number } {
  const o = splitLines(oldText)
  const n = splitLines(newText)
  // A missing final newline makes the last line differ, as in git.
  const oLines = o.lines.map((l, i) => (i === o.lines.length - 1 && !o.eofNewline ? `${l}\u0000` : l))
  const nLines = n.lines.map((l, i) => (i === n.lines.length - 1 && !n.eofNewline ? `${l}\u0000` : l))
  const edits = diffLines(oLines, nLines)
  let added = 0
  let removed = 0
  for (const e of edits) {
    if (e.op === '+') added++
    else if (e.op === '-') removed++
  }
  if (added === 0 && removed === 0) return { text: '', added, removed }
  const out: string[] = []
  let i = 0
  while (i < edits.length) {
    while (i < edits.length && (edits[i] as Edit).op === ' ') i++
    if (i >= edits.length) break
    let start = Math.max(0, i - context)
    let end = i
    // Extend while the next change is within 2*context lines.
    for (;;) {
      while (end < edits.length && (edits[end] as Edit).op !== ' ') end++
      let j = end
      while (j < edits.length && (edits[j] as Edit).op === ' ' && j - end < 2 * context) j++
      if (j < edits.length && (edits[j] as Edit).op !== ' ' && j - end <= 2 * context) end = j
      else break
    }
    const stop = Math.min(edits.length, end + context)
    let oldStart = 0
    let newStart = 0
    for (let k = 0; k < start; k++) {
      const op = (edits[k] as Edit).op
      if (op !== '+') oldStart++
      if (op !== '-') newStart++
    }
    let oldCount = 0
    let newCount = 0
    const body: string[] = []
    for (let k = start; k < stop; k++) {
      const e = edits[k] as Edit
      if (e.op !== '+') oldCount++
      if (e.op !== '-') newCount++
      const noEol = e.line.endsWith('\u0000')
      body.push(`${e.op}${noEol ? e.line.slice(0, -1) : e.line}`)
      if (noEol) body.push(NO_EOL)
    }
    const range = (s: number, c: number): string => (c === 0 ? `${s},0` : c === 1 ? `${s + 1}` : `${s + 1},${c}`)
    out.push(`@@ -${range(oldStart, oldCount)} +${range(newStart, newCount)} @@`, ...body)
    i = stop
    start = stop
  }
  return { text: `${out.join('\n')}\n`, added, removed }
}

/** True when the bytes look binary to git (a NUL in the first 8000 bytes). */
export function isBinary(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 8000)
  for (let i = 0; i < n; i++) if (bytes[i] === 0) return true
  return false
}
