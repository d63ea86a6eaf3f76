/**
 * Prints a change list as git does: `diff --git` patches with index lines and unified
 * hunks, `--stat` bars, `--name-only` and `--name-status`.
 */
import * as iso from 'isomorphic-git'
import { contentOf, type Change, type Side } from './changes.js'
import type { Git } from './context.js'
import { isBinary, unifiedHunks } from './diff-text.js'

const ZERO = '0000000'
const modeText = (m: number | undefined): string => (m === undefined ? '' : m.toString(8).padStart(6, '0'))
const decoder = new TextDecoder()

interface FileDiff {
  change: Change
  header: string
  body: string
  added: number
  removed: number
  binary: boolean
}

async function fileDiff(g: Git, from: Side, to: Side, c: Change): Promise<FileDiff> {
  const a = await contentOf(g, from, c.oldOid, c.path)
  const b = await contentOf(g, to, c.newOid, c.path)
  // The worktree side's id is the hash of its bytes, as git shows it.
  const newOid = c.newOid === undefined ? undefined : to.kind === 'worktree' ? (await iso.hashBlob({ object: b })).oid : c.newOid
  const lines = [`diff --git a/${c.path} b/${c.path}`]
  const oldShort = c.oldOid ? c.oldOid.slice(0, 7) : ZERO
  const newShort = newOid ? newOid.slice(0, 7) : ZERO
  if (c.oldOid === undefined) lines.push(`new file mode ${modeText(c.newMode)}`, `index ${ZERO}..${newShort}`)
  else if (c.newOid === undefined) lines.push(`deleted file mode ${modeText(c.oldMode)}`, `index ${oldShort}..${ZERO}`)
  else if (c.oldMode !== c.newMode) {
    lines.push(`old mode ${modeText(c.oldMode)}`, `new mode ${modeText(c.newMode)}`)
    if (oldShort !== newShort) lines.push(`index ${oldShort}..${newShort}`)
  } else lines.push(`index ${oldShort}..${newShort} ${modeText(c.newMode)}`)
  const binary = isBinary(a) || isBinary(b)
  if (binary) {
    const aName = c.oldOid === undefined ? '/dev/null' : `a/${c.path}`
    const bName = c.newOid === undefined ? '/dev/null' : `b/${c.path}`
    return { change: c, header: `${lines.join('\n')}\n`, body: `Binary files ${aName} and ${bName} differ\n`, added: 0, removed: 0, binary }
  }
  const h = unifiedHunks(decoder.decode(a), decoder.decode(b))
  if (h.text) lines.push(`--- ${c.oldOid === undefined ? '/dev/null' : `a/${c.path}`}`, `+++ ${c.newOid === undefined ? '/dev/null' : `b/${c.path}`}`)
  return { change: c, header: `${lines.join('\n')}\n`, body: h.text, added: h.added, removed: h.removed, binary }
}

export type DiffFormat = 'patch' | 'stat' | 'name-only' | 'name-status' | 'quiet'

/** Writes the diff of `list` in `format`. */
export async function printDiff(g: Git, from: Side, to: Side, list: readonly Change[], format: DiffFormat): Promise<void> {
  if (format === 'quiet') return
  if (format === 'name-only') {
    await g.out(list.map((c) => `${c.path}\n`).join(''))
    return
  }
  if (format === 'name-status') {
    await g.out(list.map((c) => `${c.oldOid === undefined ? 'A' : c.newOid === undefined ? 'D' : 'M'}\t${c.path}\n`).join(''))
    return
  }
  const diffs: FileDiff[] = []
  for (const c of list) diffs.push(await fileDiff(g, from, to, c))
  if (format === 'stat') {
    await g.out(statText(diffs))
    return
  }
  for (const d of diffs) await g.out(d.header + d.body)
}

/** git's `--stat` block: one bar per file and the summary line. */
export function statText(diffs: ReadonlyArray<Pick<FileDiff, 'change' | 'added' | 'removed' | 'binary'>>): string {
  if (diffs.length === 0) return ''
  const width = Math.max(...diffs.map((d) => d.change.path.length))
  const most = Math.max(...diffs.map((d) => d.added + d.removed))
  const countWidth = String(most).length
  const scale = most > 50 ? 50 / most : 1
  let added = 0
  let removed = 0
  const rows = diffs.map((d) => {
    added += d.added
    removed += d.removed
    if (d.binary) return ` ${d.change.path.padEnd(width)} | Bin\n`
    const plus = Math.round(d.added * scale) || (d.added ? 1 : 0)
    const minus = Math.round(d.removed * scale) || (d.removed ? 1 : 0)
    return ` ${d.change.path.padEnd(width)} | ${String(d.added + d.removed).padStart(countWidth)} ${'+'.repeat(plus)}${'-'.repeat(minus)}\n`
  })
  const n = diffs.length
  let summary = ` ${n} file${n === 1 ? '' : 's'} changed`
  if (added || !removed) summary += `, ${added} insertion${added === 1 ? '' : 's'}(+)`
  if (removed) summary += `, ${removed} deletion${removed === 1 ? '' : 's'}(-)`
  return `${rows.join('')}${summary}\n`
}

/** The `--stat` block for two commits (merge and pull summaries). */
export async function commitStat(g: Git, from: string, to: string, list: readonly Change[]): Promise<string> {
  const diffs: FileDiff[] = []
  for (const c of list) diffs.push(await fileDiff(g, { kind: 'commit', oid: from }, { kind: 'commit', oid: to }, c))
  return statText(diffs)
}
