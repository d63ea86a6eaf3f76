import { describe, expect, it } from 'vitest'
import { runCommand } from '../testing.js'
import type { InputStream } from '../types.js'
import { ruleRunsSync } from './analysis.js'
import { parseAwk } from './parser.js'
import { splitBlankFields } from './records.js'

/** Input delivered in small chunks, so records straddle chunk boundaries. */
const chunkedInput = (text: string, size: number): InputStream => {
  const bytes = new TextEncoder().encode(text)
  let pos = 0
  const read = async () => {
    if (pos >= bytes.length) return null
    const c = bytes.slice(pos, pos + size)
    pos += size
    return c
  }
  return {
    read,
    readAll: async () => bytes,
    readText: async () => text,
    lines: async function* () {
      yield* text.split('\n')
    },
    isTTY: false,
  }
}

const mainRules = (src: string) => parseAwk(src).rules.filter((r) => r.kind === 'main')

describe('awk rules that run synchronously per record', () => {
  it('accepts rules that never need the host', () => {
    for (const src of ['{ s += $2 }', '$2 > 5', 'NR == 1, NR == 3 { print; next }', '{ c[$1]++; delete c["x"]; if (NF) printf "%s\\n", $1 }', '{ for (i = 1; i <= NF; i++) n += $i }', '{ exit 3 }']) {
      expect(mainRules(src).every(ruleRunsSync), src).toBe(true)
    }
  })

  it('refuses getline, user functions, I/O builtins, redirections and prints inside loops', () => {
    const src = ['{ print > "out" }', '{ print | "cat" }', '{ printf "x" > "/dev/stderr" }', '{ getline }', '{ "date" | getline d }', 'function f() { return 1 } { f() }', '{ system("true") }', '{ close("x") }', '{ while (i < 3) print i++ }', '{ for (k in a) print k }', '{ do { printf "." } while (0) }']
    for (const s of src) expect(mainRules(s).every(ruleRunsSync), s).toBe(false)
  })
})

describe('awk record loop', () => {
  const lines = Array.from({ length: 5000 }, (_, i) => `w${i % 7} ${i % 13} line ${i}`).join('\n') + '\n'
  // A rule that never matches but calls a function forces every rule onto the async path.
  const forceAsync = 'function noop() { return 0 } 0 { noop() } '
  const programs = [
    '{ s += $2 } END { print s, NR }',
    '$2 > 6 { n++ } END { print n }',
    '{ print $1, $3 }',
    'NR == 10, NR == 20 { print NR ": " $0; next } { c[$1]++ } END { for (k in c) print k, c[k] }',
    '{ $2 = $2 * 2; print } NR == 4000 { exit 5 }',
    'BEGIN { OFS = "-" } { $1 = $1; printf "%s|%d\\n", $0, NF }',
    '$1 == "w3" { nextfile } { n++ } END { print n }',
  ]

  for (const program of programs) {
    it(`gives the same output on the synchronous and async paths: ${program}`, async () => {
      const sync = await runCommand(['awk', program, 'data.txt'], { files: { 'data.txt': lines } })
      const async = await runCommand(['awk', forceAsync + program, 'data.txt'], { files: { 'data.txt': lines } })
      expect(sync.stdout.length).toBeGreaterThan(0)
      expect(sync.stdout).toBe(async.stdout)
      expect(sync.stderr).toBe(async.stderr)
      expect(sync.code).toBe(async.code)
    })
  }

  it('flushes large output completely and in order when every record ends with next', async () => {
    const r = await runCommand(['awk', '{ print; next }', 'data.txt'], { files: { 'data.txt': lines } })
    expect(r.code).toBe(0)
    expect(r.stdout).toBe(lines)
  })

  it('reads records split across stdin chunks', async () => {
    const r = await runCommand(['awk', '{ s += $2 } END { print s, NR }'], { stdin: chunkedInput(lines, 1000) })
    const sum = lines
      .trimEnd()
      .split('\n')
      .reduce((a, l) => a + Number(l.split(' ')[1]), 0)
    expect(r.stdout).toBe(`${sum} 5000\n`)
  })
})

describe('fields under the default FS', () => {
  it('split on runs of blanks, tabs and newlines, ignoring them at both ends', () => {
    expect(splitBlankFields('  a\tb \n c  ')).toEqual(['a', 'b', 'c'])
    expect(splitBlankFields('one')).toEqual(['one'])
    expect(splitBlankFields('')).toEqual([])
    expect(splitBlankFields(' \t\n ')).toEqual([])
    // Carriage returns, form feeds and no-break spaces are field text, not separators.
    expect(splitBlankFields('a\rb\fc\u00a0d e')).toEqual(['a\rb\fc\u00a0d', 'e'])
  })
})
