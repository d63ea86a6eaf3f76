/**
 * Recursive-descent parser from tokens to the AST in ast.ts. Aliases expand here, at
 * command position, by splicing the alias's tokens in front of the rest, as bash does.
 */
import type {
  AndOr, Assignment, CaseClause, Command, Compound, CondExpr, ListItem, Pipeline, Redirect,
  RedirectOp, Script, SimpleCommand, Word,
} from './ast.js'
import { ShellSyntaxError } from './errors.js'
import { Lexer, type Token } from './lexer.js'

const REDIRECT_OPS = new Set(['>', '>>', '<', '>|', '<>', '>&', '<&', '&>', '&>>', '<<', '<<-', '<<<'])
const LIST_END_WORDS = new Set(['then', 'else', 'elif', 'fi', 'do', 'done', 'esac', '}'])
const ASSIGNMENT = /^([A-Za-z_][A-Za-z0-9_]*)(\[([^\]]*)\])?(\+?)=/
const UNARY_TESTS = new Set(['-e', '-f', '-d', '-s', '-r', '-w', '-x', '-z', '-n', '-L', '-h', '-a', '-b', '-c', '-p', '-S', '-t', '-g', '-u', '-k', '-O', '-G', '-N', '-v', '-o'])
const BINARY_TESTS = new Set(['=', '==', '!=', '<', '>', '=~', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '-nt', '-ot', '-ef'])
const MAX_NESTING = 200

export interface ParseOptions {
  aliases?: ReadonlyMap<string, string>
  /** Non-interactive bash expands aliases only after `shopt -s expand_aliases`. */
  aliasesEnabled?: () => boolean
}

export class Parser {
  readonly lexer: Lexer
  private pending: Token[] = []
  private aliasNext = false
  private expanding = new Set<string>()
  private depth = 0

  constructor(
    src: string,
    private readonly opts: ParseOptions = {},
    start = 0,
  ) {
    this.lexer = new Lexer(
      src,
      (s, pos) => {
        const sub = new Parser(s, this.opts, pos)
        sub.depth = this.depth + 1
        if (sub.depth > MAX_NESTING) throw new ShellSyntaxError('expression nested too deeply', '(')
        const script = sub.parseList(true)
        const t = sub.next()
        if (t.type !== 'op' || t.value !== ')') {
          if (t.type === 'eof') throw new ShellSyntaxError("unexpected EOF while looking for matching `)'", 'eof', true)
          throw sub.unexpected(t)
        }
        return { script, end: sub.lexer.pos }
      },
      (s) => new Parser(s, this.opts).parseAll(),
    )
    this.lexer.pos = start
  }

  /** Parses everything; throws ShellSyntaxError. */
  parseAll(): Script {
    const script = this.parseList(false)
    const t = this.peek()
    if (t.type !== 'eof') throw this.unexpected(t)
    return script
  }

  /**
   * The next complete command (up to an unescaped newline), or undefined at the end.
   * Running scripts command by command lets an alias defined on one line apply to the next.
   */
  parseNext(): Script | undefined {
    this.skipNewlines()
    if (this.peek().type === 'eof') return undefined
    const items: ListItem[] = []
    for (;;) {
      const t = this.peek()
      if (t.type === 'eof' || t.type === 'newline') break
      const andor = this.parseAndOr()
      const sep = this.peek()
      let background = false
      if (sep.type === 'op' && (sep.value === ';' || sep.value === '&')) {
        this.next()
        background = sep.value === '&'
      } else if (sep.type !== 'newline' && sep.type !== 'eof') throw this.unexpected(sep)
      items.push(this.item(andor, background, t.pos, sep.pos))
    }
    if (this.peek().type === 'newline') this.next()
    return { type: 'script', items }
  }

  // ---- tokens ----

  private peek(): Token {
    return this.pending[0] ?? this.lexer.peek()
  }

  private next(): Token {
    const t = this.pending.shift()
    return t ?? this.lexer.next()
  }

  private isWord(t: Token, value: string): boolean {
    return t.type === 'word' && t.raw === value && t.word.parts.length === 1 && t.word.parts[0]!.type === 'lit'
  }

  private isOp(t: Token, value: string): boolean {
    return t.type === 'op' && t.value === value
  }

  unexpected(t: Token): ShellSyntaxError {
    if (t.type === 'eof') return new ShellSyntaxError('syntax error: unexpected end of file', 'eof', true)
    const text = t.type === 'newline' ? 'newline' : t.type === 'word' ? t.raw : t.value
    return new ShellSyntaxError(`syntax error near unexpected token \`${text}'`, text, false, 'syntax', this.pending.length ? undefined : t.pos)
  }

  private expectWord(value: string): void {
    const t = this.next()
    if (!this.isWord(t, value)) throw this.unexpected(t)
  }

  private skipNewlines(): void {
    while (this.peek().type === 'newline') this.next()
  }

  /** Expands an alias at command position by queueing its tokens. */
  private expandAlias(): void {
    for (let guard = 0; guard < 50; guard++) {
      const t = this.peek()
      const aliases = this.opts.aliases
      if (this.opts.aliasesEnabled && !this.opts.aliasesEnabled()) return
      if (!aliases || t.type !== 'word' || !this.isWord(t, t.raw)) return
      const value = aliases.get(t.raw)
      if (value === undefined || this.expanding.has(t.raw)) return
      this.next()
      this.expanding.add(t.raw)
      const lx = new Parser(value, { aliases: new Map() }).lexer
      const tokens: Token[] = []
      for (;;) {
        const at = lx.next()
        if (at.type === 'eof') break
        tokens.push(at)
      }
      this.pending.unshift(...tokens)
      this.aliasNext = /[ \t]$/.test(value)
      if (tokens.length === 0) return
    }
  }

  // ---- grammar ----

  /** A compound list up to a closing keyword, `)`, `;;` or the end. */
  parseList(inSubshell: boolean): Script {
    const items: ListItem[] = []
    for (;;) {
      this.skipNewlines()
      const t = this.peek()
      if (t.type === 'eof') break
      if (t.type === 'op' && (t.value === ')' || t.value === ';;' || t.value === ';&' || t.value === ';;&')) break
      if (t.type === 'word' && LIST_END_WORDS.has(t.raw) && this.isWord(t, t.raw)) break
      const andor = this.parseAndOr()
      const sep = this.peek()
      let background = false
      if (sep.type === 'op' && (sep.value === ';' || sep.value === '&')) {
        this.next()
        background = sep.value === '&'
      } else if (sep.type === 'newline') this.next()
      else if (!(sep.type === 'eof' || (sep.type === 'op' && (sep.value === ')' || sep.value.startsWith(';;') || sep.value === ';&')) || (sep.type === 'word' && LIST_END_WORDS.has(sep.raw)))) {
        throw this.unexpected(sep)
      }
      items.push(this.item(andor, background, t.pos, sep.pos))
    }
    void inSubshell
    return { type: 'script', items }
  }

  private item(command: AndOr, background: boolean, from: number, to: number): ListItem {
    if (!background) return { command, background }
    return { command, background, text: this.lexer.src.slice(from, to).trim() }
  }

  private parseAndOr(): AndOr {
    const first = this.parsePipeline()
    const rest: AndOr['rest'] = []
    for (;;) {
      const t = this.peek()
      if (t.type === 'op' && (t.value === '&&' || t.value === '||')) {
        this.next()
        this.skipNewlines()
        rest.push({ op: t.value, pipeline: this.parsePipeline() })
      } else break
    }
    return { type: 'andor', first, rest }
  }

  private parsePipeline(): Pipeline {
    let negate = false
    let timed = false
    for (;;) {
      const t = this.peek()
      if (this.isWord(t, '!')) {
        this.next()
        negate = !negate
      } else if (this.isWord(t, 'time')) {
        this.next()
        timed = true
        if (this.isWord(this.peek(), '-p')) this.next()
      } else break
    }
    const commands: Command[] = [this.parseCommand()]
    for (;;) {
      const t = this.peek()
      if (t.type === 'op' && (t.value === '|' || t.value === '|&')) {
        this.next()
        if (t.value === '|&') {
          const prev = commands[commands.length - 1]!
          const dup: Redirect = { op: '>&', fd: 2, target: { parts: [{ type: 'lit', value: '1' }] } }
          if (prev.type === 'simple' || prev.type === 'compound') prev.redirects.push(dup)
        }
        this.skipNewlines()
        commands.push(this.parseCommand())
      } else break
    }
    return { type: 'pipeline', commands, negate, timed }
  }

  private parseCommand(): Command {
    if (++this.depth > MAX_NESTING) throw new ShellSyntaxError('expression nested too deeply', '(')
    try {
      this.expandAlias()
      const t = this.peek()
      if (t.type === 'eof') throw this.unexpected(t)
      if (t.type === 'op') {
        if (t.value === '(') {
          if (!this.pending.length && this.lexer.src[t.pos + 1] === '(') {
            const end = this.lexer.findArithEnd(t.pos + 2)
            if (end >= 0) {
              this.lexer.reset(end + 2)
              return this.withRedirects({ type: 'arithcmd', expr: this.lexer.src.slice(t.pos + 2, end), line: this.lexer.lineAt(t.pos) })
            }
          }
          this.next()
          const body = this.parseList(true)
          const close = this.next()
          if (!this.isOp(close, ')')) throw this.unexpected(close)
          return this.withRedirects({ type: 'subshell', body })
        }
        if (!REDIRECT_OPS.has(t.value)) throw this.unexpected(t)
        return this.parseSimple()
      }
      if (t.type === 'word' && this.isWord(t, t.raw)) {
        switch (t.raw) {
          case 'if': return this.parseIf()
          case 'while': case 'until': return this.parseWhile(t.raw === 'until')
          case 'for': return this.parseFor()
          case 'case': return this.parseCase()
          case '{': {
            this.next()
            const body = this.parseList(false)
            this.expectWord('}')
            return this.withRedirects({ type: 'group', body })
          }
          case '[[': return this.parseCond()
          case 'function': return this.parseFunctionKeyword()
          case 'then': case 'else': case 'elif': case 'fi': case 'do': case 'done': case 'esac': case '}': case 'in':
            throw this.unexpected(t)
        }
      }
      return this.parseSimple()
    } finally {
      this.depth--
    }
  }

  private withRedirects(body: Compound['body']): Compound {
    const redirects: Redirect[] = []
    for (;;) {
      const t = this.peek()
      if (t.type === 'op' && REDIRECT_OPS.has(t.value)) redirects.push(this.parseRedirect())
      else break
    }
    return { type: 'compound', body, redirects }
  }

  private parseRedirect(): Redirect {
    const t = this.next()
    if (t.type !== 'op') throw this.unexpected(t)
    const target = this.next()
    if (target.type !== 'word') throw this.unexpected(target)
    const r: Redirect = { op: t.value as RedirectOp, target: target.word }
    if (t.fd !== undefined) r.fd = t.fd
    if (t.value === '<<' || t.value === '<<-') {
      const quoted = target.word.parts.some((p) => p.type !== 'lit')
      const delim = target.word.parts.map((p) => (p.type === 'lit' || p.type === 'quoted' ? p.value : p.type === 'dq' ? p.parts.map((q) => (q.type === 'lit' || q.type === 'quoted' ? q.value : '')).join('') : '')).join('')
      r.heredoc = { body: { parts: [] }, quoted }
      this.lexer.addHeredoc({
        delim,
        strip: t.value === '<<-',
        quoted,
        fill: (body) => {
          r.heredoc = { body, quoted }
        },
      })
    }
    return r
  }

  private parseSimple(): Command {
    const cmd: SimpleCommand = { type: 'simple', assignments: [], words: [], redirects: [], line: 0 }
    let first = true
    for (;;) {
      if (cmd.words.length > 0 && this.aliasNext) {
        this.aliasNext = false
        this.expandAlias()
      }
      const t = this.peek()
      if (first) cmd.line = this.pending.length ? 0 : this.lexer.lineAt(t.pos)
      first = false
      if (t.type === 'op') {
        if (REDIRECT_OPS.has(t.value)) {
          cmd.redirects.push(this.parseRedirect())
          continue
        }
        if (t.value === '(' && cmd.words.length === 1 && cmd.assignments.length === 0 && cmd.redirects.length === 0) {
          return this.parseFunctionBody(cmd.words[0]!)
        }
        break
      }
      if (t.type !== 'word') break
      if (cmd.words.length === 0) {
        const m = ASSIGNMENT.exec(t.raw)
        if (m && t.word.parts[0]?.type === 'lit') {
          this.next()
          cmd.assignments.push(this.toAssignment(t, m))
          continue
        }
      }
      this.next()
      if (t.array) (cmd.arrays ??= []).push({ index: cmd.words.length, values: t.array })
      cmd.words.push(t.word)
    }
    if (cmd.words.length === 0 && cmd.assignments.length === 0 && cmd.redirects.length === 0) throw this.unexpected(this.peek())
    return cmd
  }

  private toAssignment(t: Token & { type: 'word' }, m: RegExpExecArray): Assignment {
    const prefix = m[0]
    const a: Assignment = { name: m[1]!, append: m[4] === '+' }
    if (m[3] !== undefined) a.index = m[3]
    if (t.array) {
      a.array = t.array
      return a
    }
    // Strip the `name=` prefix from the word's first literal part.
    const parts = t.word.parts.slice()
    const firstPart = parts[0]
    if (firstPart?.type === 'lit') {
      const rest = firstPart.value.slice(prefix.length)
      if (rest) parts[0] = { type: 'lit', value: rest }
      else parts.shift()
    }
    a.value = { parts }
    return a
  }

  private parseFunctionBody(nameWord: Word): Command {
    const p = nameWord.parts[0]
    if (nameWord.parts.length !== 1 || p?.type !== 'lit') throw this.unexpected(this.peek())
    this.next()
    const close = this.next()
    if (!this.isOp(close, ')')) throw this.unexpected(close)
    this.skipNewlines()
    const bt = this.peek()
    const bodyToken = bt.type === 'word' ? bt.raw : bt.type === 'op' ? bt.value : 'newline'
    const body = this.parseCommand()
    if (body.type !== 'compound') throw new ShellSyntaxError(`syntax error near unexpected token \`${body.type === 'simple' ? bodyToken : ''}'`, bodyToken, false, 'syntax', this.pending.length ? undefined : bt.pos)
    return { type: 'function', name: p.value, body }
  }

  private parseFunctionKeyword(): Command {
    this.next()
    const name = this.next()
    if (name.type !== 'word') throw this.unexpected(name)
    if (this.isOp(this.peek(), '(')) {
      this.next()
      const close = this.next()
      if (!this.isOp(close, ')')) throw this.unexpected(close)
    }
    this.skipNewlines()
    const body = this.parseCommand()
    return { type: 'function', name: name.raw, body }
  }

  private parseIf(): Command {
    this.next()
    const clauses: Array<{ cond: Script; body: Script }> = []
    let elseBody: Script | undefined
    for (;;) {
      const cond = this.parseList(false)
      if (!cond.items.length) throw this.unexpected(this.peek())
      this.expectWord('then')
      const body = this.parseList(false)
      if (!cond.items.length || !body.items.length) throw this.unexpected(this.peek())
      clauses.push({ cond, body })
      const t = this.next()
      if (this.isWord(t, 'elif')) continue
      if (this.isWord(t, 'else')) {
        elseBody = this.parseList(false)
        this.expectWord('fi')
        break
      }
      if (this.isWord(t, 'fi')) break
      throw this.unexpected(t)
    }
    return this.withRedirects(elseBody ? { type: 'if', clauses, elseBody } : { type: 'if', clauses })
  }

  private parseDoGroup(): Script {
    this.skipNewlines()
    this.expectWord('do')
    const body = this.parseList(false)
    this.expectWord('done')
    return body
  }

  private parseWhile(until: boolean): Command {
    this.next()
    const cond = this.parseList(false)
    if (!cond.items.length) throw this.unexpected(this.peek())
    const body = this.parseDoGroup()
    return this.withRedirects({ type: 'while', until, cond, body })
  }

  private parseFor(): Command {
    this.next()
    const t = this.peek()
    if (t.type === 'op' && t.value === '(' && this.lexer.src[t.pos + 1] === '(') {
      const end = this.lexer.findArithEnd(t.pos + 2)
      if (end < 0) throw this.unexpected(t)
      const text = this.lexer.src.slice(t.pos + 2, end)
      this.lexer.reset(end + 2)
      const parts = text.split(';')
      if (parts.length !== 3) throw new ShellSyntaxError(`syntax error: arithmetic expression required`, '((')
      const s = this.peek()
      if (s.type === 'op' && s.value === ';') this.next()
      this.skipNewlines()
      let body: Script
      if (this.isWord(this.peek(), '{')) {
        this.next()
        body = this.parseList(false)
        this.expectWord('}')
      } else body = this.parseDoGroup()
      return this.withRedirects({ type: 'arithfor', init: parts[0]!.trim(), cond: parts[1]!.trim(), step: parts[2]!.trim(), body })
    }
    const name = this.next()
    if (name.type !== 'word' || !/^[A-Za-z_][A-Za-z0-9_]*$/.test(name.raw)) {
      throw new ShellSyntaxError(`\`${name.type === 'word' ? name.raw : ''}': not a valid identifier`, '', false, 'badsubst')
    }
    let words: Word[] | undefined
    this.skipNewlines()
    if (this.isWord(this.peek(), 'in')) {
      this.next()
      words = []
      for (;;) {
        const w = this.peek()
        if (w.type !== 'word') break
        this.next()
        words.push(w.word)
      }
      const sep = this.next()
      if (!(sep.type === 'newline' || this.isOp(sep, ';'))) throw this.unexpected(sep)
    } else if (this.isOp(this.peek(), ';')) this.next()
    const body = this.parseDoGroup()
    return this.withRedirects(words ? { type: 'for', name: name.raw, words, body } : { type: 'for', name: name.raw, body })
  }

  private parseCase(): Command {
    this.next()
    const w = this.next()
    if (w.type !== 'word') throw this.unexpected(w)
    this.skipNewlines()
    this.expectWord('in')
    const items: CaseClause['items'] = []
    for (;;) {
      this.skipNewlines()
      const t = this.peek()
      if (this.isWord(t, 'esac')) {
        this.next()
        break
      }
      if (this.isOp(t, '(')) this.next()
      const patterns: Word[] = []
      for (;;) {
        const p = this.next()
        if (p.type !== 'word') throw this.unexpected(p)
        patterns.push(p.word)
        const sep = this.next()
        if (this.isOp(sep, '|')) continue
        if (this.isOp(sep, ')')) break
        throw this.unexpected(sep)
      }
      const body = this.parseList(false)
      const end = this.peek()
      let terminator: ';;' | ';&' | ';;&' = ';;'
      if (end.type === 'op' && (end.value === ';;' || end.value === ';&' || end.value === ';;&')) {
        this.next()
        terminator = end.value
      } else if (!this.isWord(end, 'esac')) throw this.unexpected(end)
      items.push({ patterns, body, terminator })
    }
    return this.withRedirects({ type: 'case', word: w.word, items })
  }

  private parseCond(): Command {
    const start = this.next()
    const expr = this.parseCondOr()
    const end = this.next()
    if (!this.isWord(end, ']]')) throw this.unexpected(end)
    return this.withRedirects({ type: 'cond', expr, line: start.type === 'word' ? this.lexer.lineAt(start.pos) : 0 })
  }

  private parseCondOr(): CondExpr {
    let left = this.parseCondAnd()
    while (this.isOp(this.peek(), '||')) {
      this.next()
      this.skipNewlines()
      left = { type: 'or', left, right: this.parseCondAnd() }
    }
    return left
  }

  private parseCondAnd(): CondExpr {
    let left = this.parseCondNot()
    while (this.isOp(this.peek(), '&&')) {
      this.next()
      this.skipNewlines()
      left = { type: 'and', left, right: this.parseCondNot() }
    }
    return left
  }

  private parseCondNot(): CondExpr {
    const t = this.peek()
    if (this.isWord(t, '!')) {
      this.next()
      return { type: 'not', expr: this.parseCondNot() }
    }
    if (this.isOp(t, '(')) {
      this.next()
      const inner = this.parseCondOr()
      const close = this.next()
      if (!this.isOp(close, ')')) throw this.unexpected(close)
      return inner
    }
    const first = this.next()
    if (first.type !== 'word' || this.isWord(first, ']]')) {
      if (first.type === 'word') throw new ShellSyntaxError("syntax error in conditional expression: unexpected token `]]'", ']]')
      throw this.unexpected(first)
    }
    const after = this.peek()
    if (UNARY_TESTS.has(first.raw) && after.type === 'word' && !this.isWord(after, ']]')) {
      this.next()
      return { type: 'unary', op: first.raw, arg: after.word }
    }
    let op: string | undefined
    if (after.type === 'word' && BINARY_TESTS.has(after.raw)) op = after.raw
    else if (after.type === 'op' && (after.value === '<' || after.value === '>')) op = after.value
    if (op) {
      this.next()
      if (op === '=~') return { type: 'binary', op, left: first.word, right: this.lexer.readRegexWord() }
      const right = this.next()
      if (right.type !== 'word') throw this.unexpected(right)
      return { type: 'binary', op, left: first.word, right: right.word }
    }
    return { type: 'word', word: first.word }
  }
}

export function parse(src: string, opts: ParseOptions = {}): Script {
  return new Parser(src, opts).parseAll()
}
