/** Parses durations like `90s`, `15m`, `1h`, `1h30m`, `1d` (a bare number is seconds) to milliseconds. */
const UNIT_MS: Record<string, number> = { ms: 1, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }

export function parseDuration(text: string): number | undefined {
  const t = text.trim()
  if (/^\d+$/.test(t)) return Number(t) * 1000
  if (!/^(\d+(ms|s|m|h|d))+$/.test(t)) return undefined
  let total = 0
  for (const [, n, unit] of t.matchAll(/(\d+)(ms|s|m|h|d)/g)) total += Number(n) * (UNIT_MS[unit ?? 's'] ?? 0)
  return total
}
