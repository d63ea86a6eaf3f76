/**
 * Turns shell source into tokens on demand. Words come out already structured (quotes,
 * parameters, command substitutions) because where a word ends depends on its quoting;
 * the parser decides what a word means (keyword, assignment, alias) from its position.
 */
import type { Script, Word, WordPart } from './ast.js'
import { ShellSyntaxError } from './errors.js'
import { readBraceParam } from './lexer-param.js'

export type Token =
  | { type: 'word'; word: Word; raw: string; pos: number; array?: Word[] }
  | { type: 'op'; value: string; fd?: number; pos: number }
  | { type: 'newline'; pos: number }
  | { type: 'eof'; pos: number }

/** Parses a nested script (for `$(…)`) starting at `pos`; returns it and the index after `)`. */
export type SubParser = (src: string, pos: number) => { script: Script; end: number }
/** Parses a whole standalone script (for backticks). */
export type ScriptParser = (src: string) => Script

interface PendingHeredoc {
  delim: string
  strip: boolean
  quoted: boolean
  fill(body: Word): void
}

const OPERATORS = [
  ';;&', '&>>', '<<-', '<<<',
  '&&', '||', ';;', ';&', '|&', '>>', '<<', '<&', '>&', '<>', '>|', '&>',
  ';', '&', '|', '(', ')', '<', '>',
]
const META = new Set([' ', '\t', '\n', ';', '&', '|', '(', ')', '<', '>'])
export const SPECIAL_PARAMS = new Set(['@', '*', '#', '?', '$', '!', '-', '0'])
export const isNameStart = (c: string | undefined): boolean => c !== undefined && /[A-Za-z_]/.test(c)
export const isNameChar = (c: string | undefined): boolean => c !== undefined && /[A-Za-z0-9_]/.test(c)
const ASSIGN_PREFIX = /^[A-Za-z_][A-Za-z0-9_]*(\[[^\]]*\])?\+?=/

export class Lexer {
  pos = 0
  private buffered: Token | undefined
  private heredocs: PendingHeredoc[] = []

  constructor(
    readonly src: string,
    private readonly subParse: SubParser,
    private readonly parseScript: ScriptParser,
  ) {}

  peek(): Token {
    this.buffered ??= this.scan()
    return this.buffered
  }

  next(): Token {
    const t = this.peek()
    this.buffered = undefined
    return t
  }

  /** Rewinds to `pos`, dropping any buffered token (used for `((` and `[[ =~`). */
  reset(pos: number): void {
    this.pos = pos
    this.buffered = undefined
  }

  private lineCache = { pos: 0, line: 1 }

  lineAt(pos: number): number {
    let { pos: from, line } = this.lineCache
    if (pos < from) {
      from = 0
      line = 1
    }
    for (let i = from; i < pos && i < this.src.length; i++) if (this.src[i] === '\n') line++
    this.lineCache = { pos, line }
    return line
  }

  addHeredoc(h: PendingHeredoc): void {
    this.heredocs.push(h)
  }

  get hasPendingHeredocs(): boolean {
    return this.heredocs.length > 0
  }

  private skipBlanks(): void {
    const s = this.src
    for (;;) {
      const c = s[this.pos]
      if (c === ' ' || c === '\t' || c === '\r') this.pos++
      else if (c === '\\' && s[this.pos + 1] === '\n') this.pos += 2
      else if (c === '#') {
        while (this.pos < s.length && s[this.pos] !== '\n') this.pos++
      } else return
    }
  }

  private scan(): Token {
    this.skipBlanks()
    const s = this.src
    const pos = this.pos
    if (pos >= s.length) {
      if (this.heredocs.length) {
        const h = this.heredocs[0]!
        throw new ShellSyntaxError(`here-document delimited by end-of-file (wanted \`${h.delim}')`, 'eof', true)
      }
      return { type: 'eof', pos }
    }
    const c = s[pos]!
    if (c === '\n') {
      this.pos++
      this.readHeredocBodies()
      return { type: 'newline', pos }
    }
    // An IO number: digits directly followed by < or >.
    const io = /^(\d+)(?=[<>])/.exec(s.slice(pos, pos + 12))
    if (io) {
      this.pos += io[1]!.length
      const op = this.readOperator()
      if (op) return { type: 'op', value: op, fd: Number(io[1]), pos }
      this.pos = pos
    }
    const op = this.readOperator()
    if (op) return { type: 'op', value: op, pos }
    return this.readWordToken()
  }

  private readOperator(): string | undefined {
    for (const op of OPERATORS) {
      if (this.src.startsWith(op, this.pos)) {
        this.pos += op.length
        return op
      }
    }
    return undefined
  }

  private readWordToken(): Token {
    const start = this.pos
    const parts = this.readParts((c) => META.has(c), 'word')
    const raw = this.src.slice(start, this.pos)
    // `name=(a b c)`: an array assignment.
    if (this.src[this.pos] === '(' && /^[A-Za-z_][A-Za-z0-9_]*\+?=$/.test(raw)) {
      this.pos++
      const array: Word[] = []
      for (;;) {
        this.skipBlanks()
        const ch = this.src[this.pos]
        if (ch === undefined) throw new ShellSyntaxError("unexpected EOF while looking for matching `)'", 'eof', true)
        if (ch === '\n') {
          this.pos++
          continue
        }
        if (ch === ')') {
          this.pos++
          break
        }
        const before = this.pos
        array.push({ parts: this.readParts((x) => META.has(x), 'word') })
        if (this.pos === before) throw new ShellSyntaxError(`syntax error near unexpected token \`${ch}'`, ch)
      }
      return { type: 'word', word: { parts }, raw, pos: start, array }
    }
    if (raw === '') throw new ShellSyntaxError(`syntax error near unexpected token \`${this.src[this.pos] ?? ''}'`, this.src[this.pos] ?? '')
    return { type: 'word', word: { parts }, raw, pos: start }
  }

  /**
   * Reads word parts until `stop(c)` is true for an unquoted character.
   * mode 'word': normal word; 'dq': inside double quotes; 'heredoc': an unquoted heredoc body;
   * 'param': the argument of `${v:-…}` (quotes processed, blanks literal).
   */
  readParts(stop: (c: string) => boolean, mode: 'word' | 'dq' | 'heredoc' | 'param'): WordPart[] {
    const s = this.src
    const parts: WordPart[] = []
    let lit = ''
    const litType = mode === 'word' || mode === 'param' ? 'lit' : 'quoted'
    const flush = (): void => {
      if (lit) parts.push({ type: litType, value: lit })
      lit = ''
    }
    const wordStart = this.pos
    let braceDepth = 0
    while (this.pos < s.length) {
      const c = s[this.pos]!
      if (mode === 'param') {
        if (c === '{') braceDepth++
        else if (c === '}' && braceDepth > 0) {
          braceDepth--
          lit += c
          this.pos++
          continue
        }
      }
      if (stop(c) && !(mode === 'param' && braceDepth > 0 && c === '}')) break
      if (c === '\\') {
        const n = s[this.pos + 1]
        if (n === undefined) {
          lit += '\\'
          this.pos++
          continue
        }
        if (n === '\n') {
          this.pos += 2
          continue
        }
        if (mode === 'dq' || mode === 'heredoc') {
          if (n === '$' || n === '`' || n === '\\' || (mode === 'dq' && n === '"')) {
            lit += n
          } else lit += '\\' + n
          this.pos += 2
          continue
        }
        flush()
        parts.push({ type: 'quoted', value: n })
        this.pos += 2
        continue
      }
      if ((mode === 'word' || mode === 'param') && c === "'") {
        const end = s.indexOf("'", this.pos + 1)
        if (end < 0) throw new ShellSyntaxError("unexpected EOF while looking for matching `''", 'eof', true)
        flush()
        parts.push({ type: 'quoted', value: s.slice(this.pos + 1, end) })
        this.pos = end + 1
        continue
      }
      if ((mode === 'word' || mode === 'param') && c === '"') {
        flush()
        this.pos++
        const inner = this.readParts((x) => x === '"', 'dq')
        if (s[this.pos] !== '"') throw new ShellSyntaxError('unexpected EOF while looking for matching `"\'', 'eof', true)
        this.pos++
        parts.push({ type: 'dq', parts: inner })
        continue
      }
      if (c === '`') {
        flush()
        parts.push(this.readBackquote())
        continue
      }
      if (c === '$') {
        const n = s[this.pos + 1]
        if ((mode === 'word' || mode === 'param') && n === "'") {
          flush()
          this.pos += 2
          parts.push({ type: 'quoted', value: this.readAnsiC() })
          continue
        }
        if ((mode === 'word' || mode === 'param') && n === '"') {
          flush()
          this.pos += 2
          const inner = this.readParts((x) => x === '"', 'dq')
          if (s[this.pos] !== '"') throw new ShellSyntaxError('unexpected EOF while looking for matching `"\'', 'eof', true)
          this.pos++
          parts.push({ type: 'dq', parts: inner })
          continue
        }
        const part = this.readDollar()
        if (part) {
          flush()
          parts.push(part)
          continue
        }
        lit += '$'
        this.pos++
        continue
      }
      if (c === '~' && (mode === 'word' || mode === 'param') && lit === '' && parts.length === 0 && this.pos === wordStart) {
        this.pos++
        const user = this.readTildeUser()
        if (user === '\0') lit += '~'
        else parts.push({ type: 'tilde', user })
        continue
      }
      if (c === '~' && mode === 'word' && parts.length === 0 && (lit.endsWith(':') || ASSIGN_PREFIX.test(lit)) && /[=:]$/.test(lit)) {
        this.pos++
        const user = this.readTildeUser()
        if (user === '\0') lit += '~'
        else {
          flush()
          parts.push({ type: 'tilde', user })
        }
        continue
      }
      lit += c
      this.pos++
    }
    flush()
    return parts
  }

  private readTildeUser(): string {
    let user = ''
    while (this.pos < this.src.length && /[A-Za-z0-9_.+-]/.test(this.src[this.pos]!)) user += this.src[this.pos++]
    const n = this.src[this.pos]
    if (n !== undefined && n !== '/' && n !== ':' && n !== '}' && !META.has(n)) {
      // Not a tilde prefix after all (`~foo"bar"`): keep it literal.
      this.pos -= user.length
      return '\0' // marker handled below
    }
    return user
  }

  private readAnsiC(): string {
    const s = this.src
    let out = ''
    while (this.pos < s.length && s[this.pos] !== "'") {
      const c = s[this.pos]!
      if (c !== '\\') {
        out += c
        this.pos++
        continue
      }
      const n = s[this.pos + 1] ?? ''
      this.pos += 2
      const simple: Record<string, string> = { n: '\n', t: '\t', r: '\r', a: '\x07', b: '\b', e: '\x1b', E: '\x1b', f: '\f', v: '\v', '\\': '\\', "'": "'", '"': '"', '?': '?' }
      if (n in simple) out += simple[n]
      else if (n === 'x') {
        const m = /^[0-9a-fA-F]{1,2}/.exec(s.slice(this.pos))
        if (m) {
          out += String.fromCharCode(parseInt(m[0], 16))
          this.pos += m[0].length
        } else out += '\\x'
      } else if (n === 'u' || n === 'U') {
        const m = (n === 'u' ? /^[0-9a-fA-F]{1,4}/ : /^[0-9a-fA-F]{1,8}/).exec(s.slice(this.pos))
        if (m) {
          out += String.fromCodePoint(parseInt(m[0], 16))
          this.pos += m[0].length
        } else out += '\\' + n
      } else if (/[0-7]/.test(n)) {
        const m = /^[0-7]{0,2}/.exec(s.slice(this.pos))!
        out += String.fromCharCode(parseInt(n + m[0], 8) & 0xff)
        this.pos += m[0].length
      } else if (n === 'c') {
        const ch = s[this.pos] ?? ''
        this.pos++
        out += String.fromCharCode(ch.toUpperCase().charCodeAt(0) ^ 0x40)
      } else out += '\\' + n
    }
    if (s[this.pos] !== "'") throw new ShellSyntaxError("unexpected EOF while looking for matching `''", 'eof', true)
    this.pos++
    return out
  }

  private readBackquote(): WordPart {
    const s = this.src
    let i = this.pos + 1
    let inner = ''
    while (i < s.length && s[i] !== '`') {
      if (s[i] === '\\' && (s[i + 1] === '`' || s[i + 1] === '\\' || s[i + 1] === '$')) {
        inner += s[i + 1]
        i += 2
      } else inner += s[i++]
    }
    if (i >= s.length) throw new ShellSyntaxError('unexpected EOF while looking for matching ``\'', 'eof', true)
    this.pos = i + 1
    return { type: 'cmdsub', script: this.parseScript(inner) }
  }

  private readDollar(): WordPart | undefined {
    const s = this.src
    const n = s[this.pos + 1]
    if (n === '(') {
      if (s[this.pos + 2] === '(') {
        const end = this.findArithEnd(this.pos + 3)
        if (end >= 0) {
          const expr = s.slice(this.pos + 3, end)
          this.pos = end + 2
          return { type: 'arith', expr }
        }
      }
      const { script, end } = this.subParse(s, this.pos + 2)
      this.pos = end
      return { type: 'cmdsub', script }
    }
    if (n === '{') {
      this.pos += 2
      return readBraceParam(this)
    }
    if (n !== undefined && (isNameStart(n))) {
      let i = this.pos + 1
      while (isNameChar(s[i])) i++
      const name = s.slice(this.pos + 1, i)
      this.pos = i
      return { type: 'param', name }
    }
    if (n !== undefined && (/[0-9]/.test(n) || SPECIAL_PARAMS.has(n))) {
      this.pos += 2
      return { type: 'param', name: n }
    }
    return undefined
  }

  /** Index of the first `)` of the closing `))`, or -1 when this is not arithmetic. */
  findArithEnd(from: number): number {
    const s = this.src
    let depth = 0
    for (let i = from; i < s.length; i++) {
      const c = s[i]
      if (c === '(') depth++
      else if (c === ')') {
        if (depth === 0) return s[i + 1] === ')' ? i : -1
        depth--
      } else if (c === "'" || c === '"') {
        const end = s.indexOf(c, i + 1)
        if (end < 0) return -1
        i = end
      }
    }
    return -1
  }

  private readHeredocBodies(): void {
    const pending = this.heredocs
    this.heredocs = []
    for (const h of pending) {
      const s = this.src
      let body = ''
      let found = false
      while (this.pos < s.length) {
        let end = s.indexOf('\n', this.pos)
        if (end < 0) end = s.length
        let line = s.slice(this.pos, end)
        this.pos = Math.min(end + 1, s.length)
        if (h.strip) line = line.replace(/^\t+/, '')
        if (line === h.delim) {
          found = true
          break
        }
        body += line + '\n'
      }
      if (!found) {
        // bash warns and uses what it has; we do the same.
        this.warnings.push(`warning: here-document delimited by end-of-file (wanted \`${h.delim}')`)
      }
      if (h.quoted) h.fill({ parts: [{ type: 'quoted', value: body }] })
      else {
        const sub = new Lexer(body, this.subParse, this.parseScript)
        h.fill({ parts: sub.readParts(() => false, 'heredoc') })
      }
    }
  }

  readonly warnings: string[] = []

  /** Reads the right side of `[[ x =~ re ]]`: raw up to blanks outside parentheses. */
  readRegexWord(): Word {
    this.skipBlanks()
    const s = this.src
    const parts: WordPart[] = []
    let depth = 0
    let lit = ''
    const flush = (): void => {
      if (lit) parts.push({ type: 'lit', value: lit })
      lit = ''
    }
    while (this.pos < s.length) {
      const c = s[this.pos]!
      if (depth === 0 && (c === ' ' || c === '\t' || c === '\n')) break
      if (depth === 0 && (c === ')' || c === ';' || c === '&' || (c === '|' && s[this.pos + 1] === '|'))) break
      if (c === '(') depth++
      else if (c === ')') depth--
      if (c === "'" || c === '"' || c === '$' || c === '\\') {
        const sub = this.readParts((x) => x === ' ' || x === '\t' || x === '\n' || x === '(' || x === ')' || x === '|' || x === '[' || x === ']' || x === '*' || x === '+' || x === '?' || x === '.' || x === '^', 'word')
        if (sub.length) {
          flush()
          parts.push(...sub)
          continue
        }
      }
      lit += c
      this.pos++
    }
    flush()
    return { parts }
  }
}
