/** `cut`-style lists: `1,3-5,7-`, parsed into inclusive 1-based ranges. */

export type Range = [number, number]

/** Ranges sorted and merged, or an error message (after `cut: `). */
export const parseList = (spec: string, what = 'fields and positions are'): Range[] | string => {
  const out: Range[] = []
  for (const part of spec.split(/[,\s]/)) {
    if (part === '') return `${what} numbered from 1`
    const m = /^(\d*)(-?)(\d*)$/.exec(part)
    if (!m || (m[1] === '' && m[3] === '')) return part === '-' ? "invalid range with no endpoint: -" : `invalid field value '${part}'`
    const lo = m[1] === '' ? 1 : Number(m[1])
    const hi = m[2] === '' ? lo : m[3] === '' ? Infinity : Number(m[3])
    if (lo === 0 || hi === 0) return `${what} numbered from 1`
    if (hi < lo) return 'invalid decreasing range'
    out.push([lo, hi])
  }
  out.sort((a, b) => a[0] - b[0])
  const merged: Range[] = []
  for (const r of out) {
    const last = merged[merged.length - 1]
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1])
    else merged.push([r[0], r[1]])
  }
  return merged
}

export const inRanges = (ranges: readonly Range[], n: number): boolean => ranges.some(([lo, hi]) => n >= lo && n <= hi)
