/**
 * Brace expansion (`a{b,c}d`, `{1..5}`, `{a..e..2}`) on a word's unquoted literal text.
 * It runs before every other expansion, as in bash, and never looks inside quotes.
 */
import type { Word, WordPart } from './ast.js'

type Atom = { ch: string } | { part: WordPart }

const MAX_FIELDS = 100_000

function toAtoms(word: Word): Atom[] {
  const atoms: Atom[] = []
  for (const p of word.parts) {
    if (p.type === 'lit') for (const ch of p.value) atoms.push({ ch })
    else atoms.push({ part: p })
  }
  return atoms
}

function toWord(atoms: Atom[]): Word {
  const parts: WordPart[] = []
  let lit = ''
  for (const a of atoms) {
    if ('ch' in a) lit += a.ch
    else {
      if (lit) parts.push({ type: 'lit', value: lit })
      lit = ''
      parts.push(a.part)
    }
  }
  if (lit) parts.push({ type: 'lit', value: lit })
  return { parts }
}

const isCh = (a: Atom | undefined, c: string): boolean => a !== undefined && 'ch' in a && a.ch === c

function sequence(text: string): string[] | undefined {
  const m = /^(-?\d+|[A-Za-z])\.\.(-?\d+|[A-Za-z])(?:\.\.(-?\d+))?$/.exec(text)
  if (!m) return undefined
  const [, a, b, stepText] = m as unknown as [string, string, string, string | undefined]
  let step = Math.abs(Number(stepText ?? 1)) || 1
  const numeric = /\d/.test(a) && /\d/.test(b)
  if (!numeric && (/\d/.test(a) || /\d/.test(b))) return undefined
  const from = numeric ? Number(a) : a.charCodeAt(0)
  const to = numeric ? Number(b) : b.charCodeAt(0)
  if (from > to) step = -step
  const width = numeric && (/^-?0\d/.test(a) || /^-?0\d/.test(b)) ? Math.max(a.length, b.length) : 0
  const out: string[] = []
  for (let v = from; step > 0 ? v <= to : v >= to; v += step) {
    if (out.length > MAX_FIELDS) break
    if (!numeric) out.push(String.fromCharCode(v))
    else if (width) out.push((v < 0 ? '-' : '') + String(Math.abs(v)).padStart(width - (v < 0 ? 1 : 0), '0'))
    else out.push(String(v))
  }
  return out
}

function expandAtoms(atoms: Atom[], out: Atom[][]): void {
  for (let i = 0; i < atoms.length; i++) {
    if (!isCh(atoms[i], '{')) continue
    // `${` is a parameter, not a brace.
    if (i > 0 && isCh(atoms[i - 1], '$')) continue
    let depth = 0
    const commas: number[] = []
    let close = -1
    for (let j = i; j < atoms.length; j++) {
      const a = atoms[j]!
      if (!('ch' in a)) continue
      if (a.ch === '{') depth++
      else if (a.ch === '}') {
        depth--
        if (depth === 0) {
          close = j
          break
        }
      } else if (a.ch === ',' && depth === 1) commas.push(j)
    }
    if (close < 0) return void out.push(atoms)
    const prefix = atoms.slice(0, i)
    const suffix = atoms.slice(close + 1)
    if (commas.length === 0) {
      const inner = atoms.slice(i + 1, close)
      const text = inner.every((a) => 'ch' in a) ? inner.map((a) => ('ch' in a ? a.ch : '')).join('') : undefined
      const seq = text === undefined ? undefined : sequence(text)
      if (!seq) continue
      for (const s of seq) {
        if (out.length > MAX_FIELDS) return
        expandAtoms([...prefix, ...[...s].map((ch) => ({ ch })), ...suffix], out)
      }
      return
    }
    const bounds = [i, ...commas, close]
    for (let k = 0; k < bounds.length - 1; k++) {
      if (out.length > MAX_FIELDS) return
      expandAtoms([...prefix, ...atoms.slice(bounds[k]! + 1, bounds[k + 1]!), ...suffix], out)
    }
    return
  }
  out.push(atoms)
}

export function braceExpand(word: Word): Word[] {
  if (!word.parts.some((p) => p.type === 'lit' && p.value.includes('{'))) return [word]
  const out: Atom[][] = []
  expandAtoms(toAtoms(word), out)
  return out.map(toWord)
}
