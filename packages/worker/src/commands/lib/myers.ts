/** Myers' O(ND) difference algorithm over lines, producing an edit script. */

export type Edit = { op: 'eq' | 'del' | 'ins'; a: number; b: number }

/**
 * Edit script turning `a` into `b`: `eq` pairs (a index, b index), `del` a[a], `ins` b[b].
 * Common prefix and suffix are trimmed first so typical edits stay cheap.
 */
export const diffLines = (a: readonly string[], b: readonly string[], eq: (x: string, y: string) => boolean = (x, y) => x === y): Edit[] => {
  let pre = 0
  while (pre < a.length && pre < b.length && eq(a[pre] as string, b[pre] as string)) pre++
  let suf = 0
  while (suf < a.length - pre && suf < b.length - pre && eq(a[a.length - 1 - suf] as string, b[b.length - 1 - suf] as string)) suf++
  const A = a.slice(pre, a.length - suf)
  const B = b.slice(pre, b.length - suf)
  const n = A.length
  const m = B.length
  const max = n + m
  const offset = max + 1
  const v = new Int32Array(2 * max + 3)
  const trace: Int32Array[] = []
  let found = false
  for (let d = 0; d <= max && !found; d++) {
    trace.push(v.slice())
    for (let k = -d; k <= d; k += 2) {
      let x: number
      if (k === -d || (k !== d && (v[offset + k - 1] as number) < (v[offset + k + 1] as number))) x = v[offset + k + 1] as number
      else x = (v[offset + k - 1] as number) + 1
      let y = x - k
      while (x < n && y < m && eq(A[x] as string, B[y] as string)) {
        x++
        y++
      }
      v[offset + k] = x
      if (x >= n && y >= m) {
        found = true
        break
      }
    }
  }
  // Backtrack through the saved V arrays.
  const mid: Edit[] = []
  let x = n
  let y = m
  for (let d = trace.length - 1; d >= 0 && (x > 0 || y > 0); d--) {
    const vv = trace[d] as Int32Array
    const k = x - y
    let prevK: number
    if (k === -d || (k !== d && (vv[offset + k - 1] as number) < (vv[offset + k + 1] as number))) prevK = k + 1
    else prevK = k - 1
    const prevX = vv[offset + prevK] as number
    const prevY = prevX - prevK
    while (x > prevX && y > prevY) {
      mid.push({ op: 'eq', a: pre + x - 1, b: pre + y - 1 })
      x--
      y--
    }
    if (d === 0) break
    if (x === prevX) mid.push({ op: 'ins', a: pre + x, b: pre + y - 1 })
    else mid.push({ op: 'del', a: pre + x - 1, b: pre + y })
    x = prevX
    y = prevY
  }
  while (x > 0 && y > 0) {
    mid.push({ op: 'eq', a: pre + x - 1, b: pre + y - 1 })
    x--
    y--
  }
  mid.reverse()
  const out: Edit[] = []
  for (let i = 0; i < pre; i++) out.push({ op: 'eq', a: i, b: i })
  out.push(...mid)
  for (let i = 0; i < suf; i++) out.push({ op: 'eq', a: a.length - suf + i, b: b.length - suf + i })
  return out
}
