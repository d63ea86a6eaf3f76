/** sort: sort lines of text (keys, numeric/human/version orders, unique, stable, merge to -o). */
import { defineCommand } from './define-command.js'
import { q } from './lib/errors.js'
import { operandsOrStdin, readOperandText } from './lib/input.js'
import { joinLines, splitLines } from './lib/lines.js'
import { type KeyDef, type Ordering, type Prepared, compareBytes, comparePrepared, extractKey, parseKey, prepareKey } from './lib/sort-keys.js'

export default defineCommand({
  name: 'sort',
  usage: 'sort [OPTION]... [FILE]...',
  description: 'Write sorted concatenation of all FILE(s) to standard output.',
  usageStatus: 2,
  flags: {
    b: { type: 'boolean', long: 'ignore-leading-blanks', description: 'ignore leading blanks' },
    d: { type: 'boolean', long: 'dictionary-order', description: 'consider only blanks and alphanumeric characters' },
    f: { type: 'boolean', long: 'ignore-case', description: 'fold lower case to upper case characters' },
    g: { type: 'boolean', long: 'general-numeric-sort', description: 'compare according to general numerical value' },
    h: { type: 'boolean', long: 'human-numeric-sort', description: 'compare human readable numbers (e.g., 2K 1G)' },
    i: { type: 'boolean', long: 'ignore-nonprinting', description: 'consider only printable characters' },
    M: { type: 'boolean', long: 'month-sort', description: "compare (unknown) < 'JAN' < ... < 'DEC'" },
    n: { type: 'boolean', long: 'numeric-sort', description: 'compare according to string numerical value' },
    r: { type: 'boolean', long: 'reverse', description: 'reverse the result of comparisons' },
    V: { type: 'boolean', long: 'version-sort', description: 'natural sort of (version) numbers within text' },
    c: { type: 'boolean', long: 'check', description: 'check for sorted input; do not sort' },
    k: { type: 'string', long: 'key', repeatable: true, arg: 'KEYDEF', description: 'sort via a key; KEYDEF gives location and type' },
    m: { type: 'boolean', long: 'merge', description: 'merge already sorted files; do not sort' },
    o: { type: 'string', long: 'output', arg: 'FILE', description: 'write result to FILE instead of standard output' },
    s: { type: 'boolean', long: 'stable', description: 'stabilize sort by disabling last-resort comparison' },
    t: { type: 'string', long: 'field-separator', arg: 'SEP', description: 'use SEP instead of non-blank to blank transition' },
    u: { type: 'boolean', long: 'unique', description: 'output only the first of an equal run' },
    z: { type: 'boolean', long: 'zero-terminated', description: 'line delimiter is NUL, not newline' },
  },
  async run(ctx) {
    const f = ctx.flags
    const global: Ordering = { numeric: f.n, human: f.h, general: f.g, month: f.M, version: f.V, reverse: f.r, fold: f.f, blanks: f.b, dictionary: f.d, ignoreNonprinting: f.i }
    const keys: KeyDef[] = []
    for (const spec of f.k) {
      const k = parseKey(spec)
      if (!k) {
        await ctx.stderr.write(`sort: invalid field specification ${q(spec)}\nTry 'sort --help' for more information.\n`)
        return 2
      }
      // A key without ordering letters inherits the global ones.
      const own = k.numeric || k.human || k.general || k.month || k.version || k.reverse || k.fold || k.dictionary || k.ignoreNonprinting || k.startBlanks || k.endBlanks
      keys.push(own ? k : { ...global, ...k })
    }
    let sep = f.t
    if (sep !== undefined) {
      if (sep === '\\0') sep = '\0'
      if (sep.length !== 1) {
        await ctx.stderr.write(sep === '' ? 'sort: empty tab\n' : `sort: multi-character tab ${q(sep)}\n`)
        return 2
      }
    }
    const eol = f.z ? '\0' : '\n'
    const lines: string[] = []
    let status = 0
    for (const op of operandsOrStdin(ctx.args)) {
      const text = await readOperandText(ctx, op, 'sort', (o, reason) => `cannot read: ${o}: ${reason}`)
      if (text === null) return 2
      lines.push(...splitLines(text, eol).lines)
      if (ctx.signal.aborted) return 130
    }
    const plainBytes = keys.length === 0 && !(global.numeric || global.human || global.general || global.month || global.version || global.fold || global.blanks || global.dictionary || global.ignoreNonprinting)
    // Decorate once: each line's keys are extracted (and numbers parsed) before sorting.
    const specs: Ordering[] = keys.length > 0 ? keys : [global]
    const decorate = (line: string): Prepared[] =>
      keys.length > 0 ? keys.map((k) => prepareKey(extractKey(line, k, sep, !!global.blanks), k)) : [prepareKey(line, global)]
    const compareKeys = (a: Prepared[], b: Prepared[]): number => {
      for (let i = 0; i < specs.length; i++) {
        const o = specs[i] as Ordering
        const c = comparePrepared(a[i] as Prepared, b[i] as Prepared, o)
        if (c !== 0) return o.reverse ? -c : c
      }
      return 0
    }
    const compareLines = (a: { line: string; keys: Prepared[] }, b: { line: string; keys: Prepared[] }): number => {
      const c = compareKeys(a.keys, b.keys)
      if (c !== 0 || f.s || f.u) return c
      // Last resort: whole-line byte order, reversed with -r.
      const l = compareBytes(a.line, b.line)
      return global.reverse ? -l : l
    }
    if (f.c) {
      for (let i = 1; i < lines.length; i++) {
        const a = lines[i - 1] as string
        const b = lines[i] as string
        const c = compareLines({ line: a, keys: decorate(a) }, { line: b, keys: decorate(b) })
        if (c > 0 || (f.u && c === 0)) {
          await ctx.stderr.write(`sort: ${ctx.args[0] ?? '-'}:${i + 1}: disorder: ${lines[i]}\n`)
          return 1
        }
      }
      return 0
    }
    let out: string[]
    if (plainBytes && !f.u) {
      // Plain byte order: the engine's own sort compares UTF-16 units, which orders like `<`.
      out = lines.sort()
      if (global.reverse) out.reverse()
    } else {
      const items = lines.map((line) => ({ line, keys: decorate(line) }))
      items.sort(compareLines)
      out = []
      let prev: (typeof items)[number] | undefined
      for (const it of items) {
        if (f.u && prev && compareKeys(prev.keys, it.keys) === 0) continue
        out.push(it.line)
        prev = it
      }
    }
    const text = joinLines(out, eol)
    if (f.o !== undefined) {
      try {
        ctx.fs.writeFile(ctx.resolve(f.o), text)
      } catch (e) {
        await ctx.stderr.write(`sort: cannot create ${q(f.o)}: ${e instanceof Error && 'description' in e ? String(e.description) : String(e)}\n`)
        status = 2
      }
    } else await ctx.stdout.write(text)
    return status
  },
})
