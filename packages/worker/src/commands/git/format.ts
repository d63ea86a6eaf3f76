/** How commits are printed: git's default date format and the medium/oneline layouts. */
import type { ReadCommitResult } from 'isomorphic-git'

const DAYS = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat']
const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec']

/** `Tue Nov 24 23:46:31 2026 +0000`, in the commit's own time zone. */
export function gitDate(timestamp: number, timezoneOffset: number): string {
  const d = new Date((timestamp - timezoneOffset * 60) * 1000)
  const pad = (n: number) => String(n).padStart(2, '0')
  const off = -timezoneOffset
  const tz = `${off < 0 ? '-' : '+'}${pad(Math.floor(Math.abs(off) / 60))}${pad(Math.abs(off) % 60)}`
  return `${DAYS[d.getUTCDay()]} ${MONTHS[d.getUTCMonth()]} ${d.getUTCDate()} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())} ${d.getUTCFullYear()} ${tz}`
}

export const indent = (message: string): string =>
  message
    .replace(/\n+$/, '')
    .split('\n')
    .map((l) => (l ? `    ${l}` : ''))
    .join('\n')

/** The `commit …` / `Author:` / `Date:` block plus the indented message. */
export function mediumFormat(c: ReadCommitResult, decoration = ''): string {
  const { author, parent } = c.commit
  const merge = parent.length > 1 ? `Merge: ${parent.map((p) => p.slice(0, 7)).join(' ')}\n` : ''
  return `commit ${c.oid}${decoration}\n${merge}Author: ${author.name} <${author.email}>\nDate:   ${gitDate(author.timestamp, author.timezoneOffset)}\n\n${indent(c.commit.message)}\n`
}

export const onelineFormat = (c: ReadCommitResult, decoration = ''): string =>
  `${c.oid.slice(0, 7)}${decoration} ${c.commit.message.split('\n')[0] ?? ''}\n`
