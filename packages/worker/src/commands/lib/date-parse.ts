/** The date strings `touch -d` and `date -d` accept (a practical subset of GNU's grammar). */

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec']
const UNITS: Record<string, number> = { second: 1e3, sec: 1e3, minute: 6e4, min: 6e4, hour: 36e5, day: 864e5, week: 6048e5, fortnight: 12096e5 }

/**
 * Milliseconds since the epoch for `s`, or null. Times without a zone are UTC (the
 * sandbox clock is UTC). Supports `@SECONDS`, ISO dates and times, `now`, `today`,
 * `yesterday`, `tomorrow`, `N units ago`, `+N units`, and `Mon DD [YYYY] [HH:MM[:SS]]`.
 */
export const parseDate = (input: string, now = Date.now()): number | null => {
  let s = input.trim().toLowerCase()
  if (s === '' || s === 'now') return now
  const epoch = /^@(-?\d+(?:\.\d+)?)$/.exec(s)
  if (epoch) return Number(epoch[1]) * 1000
  let base = now
  let offset = 0
  // Relative parts: "2 days ago", "+3 hours", "yesterday", "next week".
  const relRe = /([+-]?\d+)?\s*(second|sec|minute|min|hour|day|week|fortnight|month|year)s?(\s+ago)?/g
  s = s.replace(/\b(yesterday|tomorrow|today)\b/g, (w) => {
    if (w === 'yesterday') offset -= 864e5
    else if (w === 'tomorrow') offset += 864e5
    return ''
  })
  s = s.replace(/\bnext\s+(second|minute|hour|day|week|month|year)\b/g, '+1 $1').replace(/\blast\s+(second|minute|hour|day|week|month|year)\b/g, '-1 $1')
  let monthShift = 0
  s = s.replace(relRe, (_m, n: string | undefined, unit: string, ago: string | undefined) => {
    let k = n === undefined ? 1 : Number(n)
    if (ago) k = -k
    if (unit === 'month') monthShift += k
    else if (unit === 'year') monthShift += 12 * k
    else offset += k * (UNITS[unit] ?? 0)
    return ''
  })
  s = s.trim()
  if (s !== '') {
    const abs = parseAbsolute(s)
    if (abs === null) return null
    base = abs
  }
  if (monthShift !== 0) {
    const d = new Date(base)
    d.setUTCMonth(d.getUTCMonth() + monthShift)
    base = d.getTime()
  }
  return base + offset
}

const parseAbsolute = (s: string): number | null => {
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[t ]+(\d{1,2}):(\d{2})(?::(\d{2})(\.\d+)?)?)?\s*(z|utc|[+-]\d{2}:?\d{2})?$/.exec(s)
  if (iso) {
    const [, y, mo, d, h, mi, sec, frac, zone] = iso
    let t = Date.UTC(Number(y), Number(mo) - 1, Number(d), Number(h ?? 0), Number(mi ?? 0), Number(sec ?? 0), frac ? Math.round(Number(frac) * 1000) : 0)
    if (zone && zone !== 'z' && zone !== 'utc') {
      const z = /([+-])(\d{2}):?(\d{2})/.exec(zone)
      if (z) t -= (z[1] === '-' ? -1 : 1) * (Number(z[2]) * 60 + Number(z[3])) * 6e4
    }
    return t
  }
  const time = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/.exec(s)
  if (time) {
    const d = new Date()
    return Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate(), Number(time[1]), Number(time[2]), Number(time[3] ?? 0))
  }
  const named = /^(?:[a-z]{3},?\s+)?([a-z]{3})[a-z]*\s+(\d{1,2}),?(?:\s+(\d{4}))?(?:\s+(\d{1,2}):(\d{2})(?::(\d{2}))?)?(?:\s+(?:utc|gmt|z))?(?:\s+(\d{4}))?$/.exec(s)
  if (named) {
    const mon = MONTHS.indexOf(named[1] ?? '')
    if (mon === -1) return null
    const year = Number(named[3] ?? named[7] ?? new Date().getUTCFullYear())
    return Date.UTC(year, mon, Number(named[2]), Number(named[4] ?? 0), Number(named[5] ?? 0), Number(named[6] ?? 0))
  }
  const dmy = /^(\d{1,2})\s+([a-z]{3})[a-z]*\s+(\d{4})$/.exec(s)
  if (dmy) {
    const mon = MONTHS.indexOf(dmy[2] ?? '')
    if (mon === -1) return null
    return Date.UTC(Number(dmy[3]), mon, Number(dmy[1]))
  }
  return null
}

/** `touch -t [[CC]YY]MMDDhhmm[.ss]`. */
export const parseTouchStamp = (s: string, now = Date.now()): number | null => {
  const m = /^(\d{2}|\d{4})?(\d{2})(\d{2})(\d{2})(\d{2})(?:\.(\d{2}))?$/.exec(s)
  if (!m) return null
  let year = new Date(now).getUTCFullYear()
  if (m[1]) year = m[1].length === 4 ? Number(m[1]) : Number(m[1]) + (Number(m[1]) < 69 ? 2000 : 1900)
  return Date.UTC(year, Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6] ?? 0))
}
