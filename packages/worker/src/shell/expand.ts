/**
 * Word expansion in bash's order: braces, then tilde/parameters/command substitution/
 * arithmetic, then field splitting of unquoted results, then pathname globbing, then
 * quote removal. Fragments remember whether they were quoted so each later step knows
 * what it may touch.
 */
import type { ParamPart, Script, Word, WordPart } from './ast.js'
import { evaluateArith, type ArithScope } from './arith.js'
import { ShellError } from './errors.js'
import { Parser } from './parser.js'
import { escapePattern, hasGlob, matchPattern, matchPrefix, matchSuffix, replacePattern, unescapePattern } from './pattern.js'
import type { ShellState } from './state.js'
import type { Vfs } from '../vfs/types.js'
import { braceExpand } from './brace.js'
import { globExpand } from './glob.js'

export interface ExpandHost {
  readonly state: ShellState
  readonly fs: Vfs
  /** Runs `$(…)` in a subshell and returns its stdout. */
  commandSubstitution(script: Script): Promise<string>
  /** Dynamic parameters: `$$`, `$!`, RANDOM, SECONDS, … */
  special(name: string): string | undefined
}

/** A piece of expanded text; `brk` marks a field boundary forced by "$@". */
type Frag = { text: string; quoted: boolean; split: boolean } | { brk: true }

const DEFAULT_IFS = ' \t\n'

export class Expander {
  constructor(private readonly host: ExpandHost) {}

  private get state(): ShellState {
    return this.host.state
  }

  /** Full expansion of command words into argv. */
  async expandWords(words: Word[]): Promise<string[]> {
    const out: string[] = []
    for (const w of words) {
      // Fast path: a plain literal word.
      const only = w.parts.length === 1 ? w.parts[0]! : undefined
      if (only && only.type === 'lit' && !/[{*?[~]/.test(only.value)) {
        out.push(only.value)
        continue
      }
      if (only && only.type === 'quoted') {
        out.push(only.value)
        continue
      }
      for (const bw of braceExpand(w)) {
        const frags = await this.expandParts(bw.parts, false)
        for (const f of this.splitFields(frags)) {
          if (f.glob && !this.state.options.noglob) {
            const matches = globExpand(this.host.fs, this.state.cwd, f.pat, this.state.options)
            if (matches.length) {
              out.push(...matches)
              continue
            }
            if (this.state.options.nullglob) continue
          }
          out.push(f.text)
        }
      }
    }
    return out
  }

  /** Expansion without splitting or globbing (assignments, redirect targets, case words). */
  async expandString(word: Word): Promise<string> {
    const only = word.parts.length === 1 ? word.parts[0]! : undefined
    if (only && (only.type === 'lit' || only.type === 'quoted')) return only.value
    const frags = await this.expandParts(word.parts, false, true)
    let s = ''
    let first = true
    for (const f of frags) {
      if ('brk' in f) {
        if (!first) s += ' '
        continue
      }
      s += f.text
      first = false
    }
    return s
  }

  /** Expansion into a pattern: quoted text is escaped, unquoted glob characters stay active. */
  async expandPattern(word: Word): Promise<string> {
    const frags = await this.expandParts(word.parts, false, true)
    let s = ''
    for (const f of frags) {
      if ('brk' in f) s += ' '
      else s += f.quoted ? escapePattern(f.text) : f.text
    }
    return s
  }

  /** Expansion for the right side of `=~`: quoted text matches literally. */
  async expandRegex(word: Word): Promise<string> {
    const frags = await this.expandParts(word.parts, false, true)
    let s = ''
    for (const f of frags) {
      if ('brk' in f) s += ' '
      else s += f.quoted ? f.text.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&') : f.text
    }
    return s
  }

  /** Text of an arithmetic expression after `$x`, `$(…)` expansion. */
  async expandArithText(expr: string): Promise<string> {
    if (!/[$`]/.test(expr)) return expr
    const parts = new Parser(expr).lexer.readParts(() => false, 'heredoc')
    const frags = await this.expandParts(parts, true)
    return frags.map((f) => ('brk' in f ? ' ' : f.text)).join('')
  }

  /** Arithmetic as a JS number (indexes, offsets). */
  async arith(expr: string): Promise<number> {
    return Number(await this.arithBig(expr))
  }

  /** Arithmetic with bash's 64-bit integers. */
  async arithBig(expr: string): Promise<bigint> {
    const text = await this.expandArithText(expr)
    return evaluateArith(text, this.arithScope())
  }

  arithScope(): ArithScope {
    const st = this.state
    return {
      get: (name, index) => {
        if (index !== undefined) return st.getElement(name, index)
        const v = st.get(name)
        if (v === undefined) {
          const sp = this.host.special(name)
          if (sp !== undefined) return sp
          if (st.options.nounset) throw new ShellError('unbound', `${name}: unbound variable`, true, 127)
        }
        return v
      },
      set: (name, value, index) => {
        if (index !== undefined) st.setElement(name, index, value)
        else st.set(name, value)
      },
    }
  }

  private splitFields(frags: Frag[]): Array<{ text: string; pat: string; glob: boolean }> {
    const fields: Array<{ text: string; pat: string; glob: boolean }> = []
    let cur: { text: string; pat: string; glob: boolean } | null = null
    const start = (): { text: string; pat: string; glob: boolean } => (cur ??= { text: '', pat: '', glob: false })
    const end = (): void => {
      if (cur) fields.push(cur)
      cur = null
    }
    const ifsVar = this.state.get('IFS')
    const ifs = ifsVar ?? DEFAULT_IFS
    let ws = ''
    let nws = ''
    for (const c of ifs) (c === ' ' || c === '\t' || c === '\n' ? (ws += c) : (nws += c))
    for (const f of frags) {
      if ('brk' in f) {
        end()
        continue
      }
      if (f.quoted || !f.split || ifs === '') {
        const c = start()
        c.text += f.text
        if (f.quoted) c.pat += escapePattern(f.text)
        else {
          c.pat += f.text
          if (!c.glob && hasGlob(f.text)) c.glob = true
        }
        continue
      }
      const t = f.text
      let i = 0
      while (i < t.length) {
        const ch = t[i]!
        if (ws.includes(ch) || nws.includes(ch)) {
          let j = i
          while (j < t.length && ws.includes(t[j]!)) j++
          let hadNws = false
          if (j < t.length && nws.includes(t[j]!)) {
            hadNws = true
            j++
            while (j < t.length && ws.includes(t[j]!)) j++
          }
          if (hadNws) {
            start()
            end()
          } else if (cur) end()
          i = j
          continue
        }
        const c = start()
        c.text += ch
        c.pat += ch === '\\' ? '\\\\' : ch
        if (ch === '*' || ch === '?' || ch === '[') c.glob = hasGlob(c.pat)
        i++
      }
    }
    end()
    return fields
  }

  /** Expands parts to fragments. `inDq`: inside double quotes. */
  async expandParts(parts: WordPart[], inDq: boolean, noSplit = false, splitLit = false): Promise<Frag[]> {
    const out: Frag[] = []
    for (const p of parts) {
      switch (p.type) {
        case 'lit':
          out.push({ text: p.value, quoted: inDq, split: splitLit && !inDq && !noSplit })
          break
        case 'quoted':
          out.push({ text: p.value, quoted: true, split: false })
          break
        case 'dq': {
          const inner = await this.expandParts(p.parts, true, noSplit)
          // An empty "" still makes a field, but "$@" with no parameters makes none.
          const only = p.parts.length === 1 ? p.parts[0] : undefined
          const atOnly = only?.type === 'param' && (only.name === '@' || only.index === '@') && !only.op
          if (!(atOnly && inner.length === 0)) out.push({ text: '', quoted: true, split: false })
          out.push(...inner)
          break
        }
        case 'tilde':
          out.push({ text: this.tilde(p.user), quoted: true, split: false })
          break
        case 'cmdsub': {
          const text = (await this.host.commandSubstitution(p.script)).replace(/\n+$/, '')
          out.push({ text, quoted: inDq, split: !inDq && !noSplit })
          break
        }
        case 'arith': {
          let n: bigint
          try {
            n = await this.arithBig(p.expr)
          } catch (e) {
            // An arithmetic error in an expansion ends a non-interactive shell, as in bash.
            if (e instanceof ShellError && e.code === 'arith') throw new ShellError('arith', e.message, true)
            throw e
          }
          out.push({ text: String(n), quoted: inDq, split: !inDq && !noSplit })
          break
        }
        case 'param':
          out.push(...(await this.expandParam(p, inDq, noSplit)))
          break
      }
    }
    return out
  }

  private tilde(user: string): string {
    if (user === '') return this.state.get('HOME') ?? '/home/user'
    if (user === '+') return this.state.get('PWD') ?? this.state.cwd
    if (user === '-') return this.state.get('OLDPWD') ?? '~-'
    if (user === 'root') return '/root'
    if (user === (this.state.get('USER') ?? 'user')) return this.state.get('HOME') ?? '/home/user'
    return '~' + user
  }

  /** The value of a parameter: a scalar, a list (`$@`, arrays with [@]) or undefined. */
  private async paramValue(p: ParamPart): Promise<{ value: string | undefined; list?: string[]; star?: boolean }> {
    const st = this.state
    const name = p.name
    if (name === '@' || name === '*') return { value: undefined, list: st.positional.slice(), star: name === '*' }
    if (/^[0-9]+$/.test(name)) {
      const n = Number(name)
      return { value: n === 0 ? st.scriptName : st.positional[n - 1] }
    }
    if (p.index !== undefined) {
      const v = st.lookup(name)
      if (p.index === '@' || p.index === '*') {
        const list = v === undefined ? [] : Array.isArray(v.value) ? v.value.filter((x) => x !== undefined) : [v.value]
        return { value: undefined, list, star: p.index === '*' }
      }
      const idx = await this.arith(p.index)
      return { value: st.getElement(name, idx) }
    }
    const v = st.get(name)
    if (v !== undefined) return { value: v }
    return { value: this.host.special(name) }
  }

  private async expandParam(p: ParamPart, inDq: boolean, noSplit: boolean): Promise<Frag[]> {
    const st = this.state
    const op = p.op
    const split = !inDq && !noSplit
    if (op?.kind === 'length') {
      const { value, list } = await this.paramValue(p)
      if (list) return [{ text: String(list.length), quoted: inDq, split }]
      if (value === undefined && st.options.nounset && !/^[@*#?$!-]$/.test(p.name)) throw new ShellError('unbound', `${p.name}: unbound variable`, true, 127)
      return [{ text: String([...(value ?? '')].length), quoted: inDq, split }]
    }
    if (op?.kind === 'keys') {
      const v = st.lookup(p.name)
      const keys = v === undefined ? [] : Array.isArray(v.value) ? Object.keys(v.value) : ['0']
      return this.listFrags(keys, inDq, false, noSplit)
    }
    if (op?.kind === 'prefixNames') {
      const names = st.names().filter((n) => n.startsWith(p.name))
      return this.listFrags(names, inDq, op.star, noSplit)
    }
    let { value, list, star } = await this.paramValue(p)
    if (op?.kind === 'indirect') {
      const target = value ?? ''
      if (!/^[A-Za-z_][A-Za-z0-9_]*(\[.*\])?$|^[0-9@*#?]$/.test(target)) {
        throw new ShellError('badsubst', `${target}: invalid indirect expansion`)
      }
      const m = /^([A-Za-z_][A-Za-z0-9_]*)\[(.*)\]$/.exec(target)
      const r = await this.paramValue(m ? { type: 'param', name: m[1]!, index: m[2]! } : { type: 'param', name: target })
      value = r.value
      list = r.list
      star = r.star
    }
    const isSet = list ? list.length > 0 : value !== undefined
    const isNull = list ? list.length === 0 || (list.length === 1 && list[0] === '') : !value
    if (op && (op.kind === 'default' || op.kind === 'assign' || op.kind === 'alt' || op.kind === 'error')) {
      const use = op.colon ? isSet && !isNull : isSet
      if (op.kind === 'alt') return use ? this.expandParts(op.word.parts, inDq, noSplit, true) : []
      if (!use) {
        if (op.kind === 'default') return this.expandParts(op.word.parts, inDq, noSplit, true)
        if (op.kind === 'assign') {
          const text = await this.expandString(op.word)
          if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(p.name)) throw new ShellError('badsubst', `$${p.name}: cannot assign in this way`)
          if (p.index !== undefined) st.setElement(p.name, await this.arith(p.index), text)
          else st.set(p.name, text)
          return [{ text, quoted: inDq, split }]
        }
        const msg = (await this.expandString(op.word)) || 'parameter null or not set'
        throw new ShellError('param', `${p.name}: ${msg}`, true, 127)
      }
    }
    if (!list && value === undefined && st.options.nounset && !/^[@*#?$!-]$/.test(p.name)) {
      throw new ShellError('unbound', `${p.name}: unbound variable`, true, 127)
    }
    if (list) {
      let items = list
      if (op) {
        if (op.kind === 'substring') items = await this.sliceList(p, list, op.offset, op.length)
        else items = await Promise.all(items.map((x) => this.applyOp(x, op)))
      }
      return this.listFrags(items, inDq, !!star, noSplit)
    }
    let text = value ?? ''
    if (op) text = await this.applyOp(text, op)
    return [{ text, quoted: inDq, split }]
  }

  private async sliceList(p: ParamPart, list: string[], offsetText: string, lengthText: string | undefined): Promise<string[]> {
    let off = await this.arith(offsetText)
    // `${@:0}` includes $0.
    const items = p.name === '@' || p.name === '*' ? [this.state.scriptName, ...list] : list
    if (p.name !== '@' && p.name !== '*' && off < 0) off += items.length
    else if (off < 0) off += items.length
    if (off < 0) return []
    const start = p.name === '@' || p.name === '*' ? off : off
    if (lengthText === undefined) return items.slice(start)
    const len = await this.arith(lengthText)
    if (len < 0) throw new ShellError('param', `${lengthText.trim()}: substring expression < 0`)
    return items.slice(start, start + len)
  }

  private listFrags(items: string[], inDq: boolean, star: boolean, noSplit: boolean): Frag[] {
    if (inDq && star) {
      const ifs = this.state.get('IFS')
      const sep = ifs === undefined ? ' ' : ifs.slice(0, 1)
      return [{ text: items.join(sep), quoted: true, split: false }]
    }
    if (noSplit) return [{ text: items.join(' '), quoted: inDq, split: false }]
    const out: Frag[] = []
    items.forEach((it, i) => {
      if (i > 0) out.push({ brk: true })
      out.push({ text: it, quoted: inDq, split: !inDq })
    })
    return out
  }

  private async applyOp(text: string, op: NonNullable<ParamPart['op']>): Promise<string> {
    switch (op.kind) {
      case 'trimPrefix': {
        const pat = await this.expandPattern(op.word)
        const n = matchPrefix(pat, text, op.longest)
        return n < 0 ? text : text.slice(n)
      }
      case 'trimSuffix': {
        const pat = await this.expandPattern(op.word)
        const s = matchSuffix(pat, text, op.longest)
        return s < 0 ? text : text.slice(0, s)
      }
      case 'replace': {
        const pat = await this.expandPattern(op.pattern)
        const rep = await this.expandString(op.replacement)
        return replacePattern(pat, text, rep, op.all, op.anchor)
      }
      case 'substring': {
        const chars = [...text]
        let off = await this.arith(op.offset)
        if (off < 0) off = Math.max(0, chars.length + off)
        if (op.length === undefined) return chars.slice(off).join('')
        let len = await this.arith(op.length)
        if (len < 0) {
          len = chars.length - off + len
          if (len < 0) throw new ShellError('param', `${op.length.trim()}: substring expression < 0`)
        }
        return chars.slice(off, off + len).join('')
      }
      case 'case': {
        if (op.all) return op.upper ? text.toUpperCase() : text.toLowerCase()
        const first = text.slice(0, 1)
        return (op.upper ? first.toUpperCase() : first.toLowerCase()) + text.slice(1)
      }
      default:
        return text
    }
  }
}

export { hasGlob, matchPattern, unescapePattern }
