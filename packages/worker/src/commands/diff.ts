/** diff: compare files line by line (normal and unified output, -r for directories, -q, -i, -w, -b). */
import type { FileStat } from '../vfs/types.js'
import { defineCommand } from './define-command.js'
import { describeError } from './lib/errors.js'
import { sortedChildren, tryStat } from './lib/fsutil.js'
import { type Edit, diffLines } from './lib/myers.js'
import { joinPath } from './lib/path.js'
import { strftime } from './lib/strftime.js'

interface Side {
  name: string
  label: string
  lines: string[]
  /** False when the last line had no newline. */
  eol: boolean
  binary: boolean
}

const stamp = (st: FileStat | undefined) => (st ? strftime('%Y-%m-%d %H:%M:%S', st.mtimeMs) + `.${String(Math.round((st.mtimeMs % 1000) * 1e6)).padStart(9, '0')} +0000` : '')

export default defineCommand({
  name: 'diff',
  usage: 'diff [OPTION]... FILES',
  description: 'Compare FILES line by line.',
  usageStatus: 2,
  numericFlag: 'U',
  flags: {
    u: { type: 'boolean', description: 'output 3 lines of unified context' },
    U: { type: 'number', long: 'unified', arg: 'NUM', description: 'output NUM (default 3) lines of unified context' },
    q: { type: 'boolean', long: 'brief', description: 'report only when files differ' },
    s: { type: 'boolean', long: 'report-identical-files', description: 'report when two files are the same' },
    r: { type: 'boolean', long: 'recursive', description: 'recursively compare any subdirectories found' },
    N: { type: 'boolean', long: 'new-file', description: 'treat absent files as empty' },
    i: { type: 'boolean', long: 'ignore-case', description: 'ignore case differences in file contents' },
    w: { type: 'boolean', long: 'ignore-all-space', description: 'ignore all white space' },
    b: { type: 'boolean', long: 'ignore-space-change', description: 'ignore changes in the amount of white space' },
    a: { type: 'boolean', long: 'text', description: 'treat all files as text' },
    label: { type: 'string', repeatable: true, arg: 'LABEL', description: 'use LABEL instead of file name and timestamp' },
    color: { type: 'string', optionalValue: true, arg: 'WHEN', description: 'color output (accepted, output is plain)' },
  },
  async run(ctx) {
    const f = ctx.flags
    const unified = f.u || f.U !== undefined
    const context = f.U ?? 3
    if (ctx.args.length !== 2) {
      await ctx.stderr.write(
        ctx.args.length < 2
          ? `diff: missing operand after '${ctx.args[0] ?? 'diff'}'\ndiff: Try 'diff --help' for more information.\n`
          : `diff: extra operand '${ctx.args[2]}'\ndiff: Try 'diff --help' for more information.\n`,
      )
      return 2
    }
    const norm = (s: string) => {
      let t = s
      if (f.i) t = t.toLowerCase()
      if (f.w) t = t.replace(/[ \t]+/g, '')
      else if (f.b) t = t.replace(/[ \t]+/g, ' ').replace(/ $/, '')
      return t
    }
    let status = 0
    let out = ''
    const load = async (name: string, path: string | null, label: string | undefined, st: FileStat | undefined): Promise<Side | null> => {
      let data: Uint8Array
      if (path === null) data = new Uint8Array(0)
      else if (name === '-') data = await ctx.stdin.readAll()
      else {
        try {
          data = ctx.fs.readFile(path)
        } catch (e) {
          await ctx.stderr.write(`diff: ${name}: ${describeError(e)}\n`)
          status = 2
          return null
        }
      }
      const text = new TextDecoder().decode(data)
      const lines = text.split('\n')
      const eol = text === '' || text.endsWith('\n')
      if (eol) lines.pop()
      return { name, label: label ?? `${name}\t${stamp(st)}`, lines, eol, binary: !f.a && data.includes(0) }
    }

    const compareFiles = async (n1: string, p1: string | null, n2: string, p2: string | null, st1?: FileStat, st2?: FileStat, header?: string) => {
      const a = await load(n1, p1, f.label[0], st1)
      const b = await load(n2, p2, f.label[1], st2)
      if (!a || !b) return
      const same = a.lines.length === b.lines.length && a.eol === b.eol && a.lines.every((l, k) => l === b.lines[k])
      if (same) {
        if (f.s) out += `Files ${n1} and ${n2} are identical\n`
        return
      }
      if (a.binary || b.binary) {
        status = Math.max(status, 1)
        out += `Binary files ${n1} and ${n2} differ\n`
        return
      }
      let edits = diffLines(a.lines, b.lines, (x, y) => norm(x) === norm(y))
      // The last lines differ in their newline even when their text matches.
      if (a.eol !== b.eol) edits = splitLastLine(edits, a.lines.length, b.lines.length)
      if (edits.every((e) => e.op === 'eq')) {
        if (f.s) out += `Files ${n1} and ${n2} are identical\n`
        return
      }
      status = Math.max(status, 1)
      if (f.q) {
        out += `Files ${n1} and ${n2} differ\n`
        return
      }
      if (header) out += `${header}\n`
      out += unified ? formatUnified(a, b, edits, context) : formatNormal(a, b, edits)
      if (out.length > 32768) {
        await ctx.stdout.write(out)
        out = ''
      }
    }

    const walk = async (n1: string, p1: string, n2: string, p2: string) => {
      const names = new Set([...sortedChildren(ctx.fs, p1), ...sortedChildren(ctx.fs, p2)])
      for (const name of [...names].sort()) {
        const c1 = joinPath(p1, name)
        const c2 = joinPath(p2, name)
        const s1 = tryStat(ctx.fs, c1)
        const s2 = tryStat(ctx.fs, c2)
        const sn1 = joinPath(n1, name)
        const sn2 = joinPath(n2, name)
        if (!s1 || !s2) {
          if (f.N && (s1?.type ?? s2?.type) === 'file') {
            await compareFiles(sn1, s1 ? c1 : null, sn2, s2 ? c2 : null, s1, s2, `diff${unified ? ` -U${context}`.replace(' -U3', ' -u') : ''} -r${f.N ? 'N' : ''} ${sn1} ${sn2}`.replace(' -r', ' -r'))
            continue
          }
          out += `Only in ${s1 ? n1 : n2}: ${name}\n`
          status = Math.max(status, 1)
          continue
        }
        if (s1.type === 'dir' && s2.type === 'dir') {
          if (f.r) await walk(sn1, c1, sn2, c2)
          else out += `Common subdirectories: ${sn1} and ${sn2}\n`
        } else if (s1.type === 'dir' || s2.type === 'dir') {
          out += `File ${s1.type === 'dir' ? sn1 : sn2} is a directory while file ${s1.type === 'dir' ? sn2 : sn1} is a regular file\n`
          status = Math.max(status, 1)
        } else await compareFiles(sn1, c1, sn2, c2, s1, s2, `diff ${[...(unified ? [context === 3 ? '-u' : `-U${context}`] : []), '-r'].join(' ')} ${sn1} ${sn2}`)
      }
    }

    const [n1, n2] = ctx.args as [string, string]
    const p1 = n1 === '-' ? '-' : ctx.resolve(n1)
    const p2 = n2 === '-' ? '-' : ctx.resolve(n2)
    let s1 = n1 === '-' ? undefined : tryStat(ctx.fs, p1)
    let s2 = n2 === '-' ? undefined : tryStat(ctx.fs, p2)
    for (const [n, s] of [[n1, s1], [n2, s2]] as const) {
      if (n !== '-' && !s && !f.N) {
        await ctx.stderr.write(`diff: ${n}: No such file or directory\n`)
        return 2
      }
    }
    if (s1?.type === 'dir' && s2?.type === 'dir') await walk(n1, p1, n2, p2)
    else {
      let q1: string | null = p1
      let q2: string | null = p2
      let name1 = n1
      let name2 = n2
      if (s1?.type === 'dir') {
        const base = n2.split('/').pop() as string
        name1 = joinPath(n1, base)
        q1 = joinPath(p1, base)
        s1 = tryStat(ctx.fs, q1)
      } else if (s2?.type === 'dir') {
        const base = n1.split('/').pop() as string
        name2 = joinPath(n2, base)
        q2 = joinPath(p2, base)
        s2 = tryStat(ctx.fs, q2)
      }
      if (!s1 && n1 !== '-') q1 = f.N ? null : q1
      if (!s2 && n2 !== '-') q2 = f.N ? null : q2
      await compareFiles(name1, q1, name2, q2, s1, s2)
    }
    await ctx.stdout.write(out)
    return status
  },
})

/** When only one side ends without a newline, its last line must show as changed. */
const splitLastLine = (edits: Edit[], na: number, nb: number): Edit[] => {
  const last = edits[edits.length - 1]
  if (!last || last.op !== 'eq' || last.a !== na - 1 || last.b !== nb - 1) return edits
  return [...edits.slice(0, -1), { op: 'del', a: last.a, b: last.b + 1 }, { op: 'ins', a: last.a + 1, b: last.b }]
}

const NO_EOL = '\\ No newline at end of file\n'

const formatUnified = (a: Side, b: Side, edits: Edit[], context: number): string => {
  let out = `--- ${a.label}\n+++ ${b.label}\n`
  const changes = edits.map((e, i) => (e.op === 'eq' ? -1 : i)).filter((i) => i >= 0)
  let h = 0
  while (h < changes.length) {
    let start = Math.max(0, (changes[h] as number) - context)
    let end = (changes[h] as number) + 1
    while (h < changes.length && (changes[h] as number) < end + 2 * context) {
      end = (changes[h] as number) + 1
      h++
    }
    end = Math.min(edits.length, end + context)
    start = Math.max(0, start)
    const chunk = edits.slice(start, end)
    const aLines = chunk.filter((e) => e.op !== 'ins')
    const bLines = chunk.filter((e) => e.op !== 'del')
    const aStart = aLines.length > 0 ? (aLines[0] as Edit).a + 1 : (chunk[0] as Edit).a
    const bStart = bLines.length > 0 ? (bLines[0] as Edit).b + 1 : (chunk[0] as Edit).b
    const range = (s: number, n: number) => (n === 1 ? `${s}` : `${n === 0 ? s : s},${n}`)
    out += `@@ -${range(aStart, aLines.length)} +${range(bStart, bLines.length)} @@\n`
    for (const e of chunk) {
      if (e.op === 'eq') {
        out += ` ${a.lines[e.a]}\n`
        if (e.a === a.lines.length - 1 && !a.eol) out += NO_EOL
      } else if (e.op === 'del') {
        out += `-${a.lines[e.a]}\n`
        if (e.a === a.lines.length - 1 && !a.eol) out += NO_EOL
      } else {
        out += `+${b.lines[e.b]}\n`
        if (e.b === b.lines.length - 1 && !b.eol) out += NO_EOL
      }
    }
  }
  return out
}

const formatNormal = (a: Side, b: Side, edits: Edit[]): string => {
  let out = ''
  let i = 0
  const range = (s: number, e: number) => (s === e ? `${s}` : `${s},${e}`)
  while (i < edits.length) {
    if ((edits[i] as Edit).op === 'eq') {
      i++
      continue
    }
    const dels: Edit[] = []
    const ins: Edit[] = []
    const first = edits[i] as Edit
    while (i < edits.length && (edits[i] as Edit).op !== 'eq') {
      const e = edits[i] as Edit
      if (e.op === 'del') dels.push(e)
      else ins.push(e)
      i++
    }
    const aFrom = dels.length ? (dels[0] as Edit).a + 1 : first.a
    const aTo = dels.length ? (dels[dels.length - 1] as Edit).a + 1 : first.a
    const bFrom = ins.length ? (ins[0] as Edit).b + 1 : first.b
    const bTo = ins.length ? (ins[ins.length - 1] as Edit).b + 1 : first.b
    const kind = dels.length && ins.length ? 'c' : dels.length ? 'd' : 'a'
    out += `${kind === 'a' ? aFrom : range(aFrom, aTo)}${kind}${kind === 'd' ? bFrom : range(bFrom, bTo)}\n`
    for (const e of dels) out += `< ${a.lines[e.a]}\n${e.a === a.lines.length - 1 && !a.eol ? NO_EOL : ''}`
    if (kind === 'c') out += '---\n'
    for (const e of ins) out += `> ${b.lines[e.b]}\n${e.b === b.lines.length - 1 && !b.eol ? NO_EOL : ''}`
  }
  return out
}
