/** jq parser: tokens into a small AST. */
import { JqSyntaxError, KEYWORDS, type Tok, lex } from './lexer.js'

export { JqSyntaxError }

export type Node =
  | { k: 'identity' }
  | { k: 'recurse' }
  | { k: 'literal'; v: unknown }
  | { k: 'str'; parts: Array<string | Node>; fmt?: string }
  | { k: 'format'; name: string }
  | { k: 'field'; target: Node; name: Node; opt: boolean }
  | { k: 'index'; target: Node; index: Node; opt: boolean }
  | { k: 'slice'; target: Node; from?: Node; to?: Node; opt: boolean }
  | { k: 'iterate'; target: Node; opt: boolean }
  | { k: 'try'; body: Node; handler?: Node }
  | { k: 'pipe'; left: Node; right: Node }
  | { k: 'comma'; left: Node; right: Node }
  | { k: 'binop'; op: string; left: Node; right: Node }
  | { k: 'and' | 'or' | 'alt'; left: Node; right: Node }
  | { k: 'neg'; expr: Node }
  | { k: 'assign'; op: string; left: Node; right: Node }
  | { k: 'array'; body?: Node }
  | { k: 'object'; entries: Array<{ key: Node; value?: Node }> }
  | { k: 'var'; name: string }
  | { k: 'as'; source: Node; patterns: Pattern[]; body: Node }
  | { k: 'reduce'; source: Node; pattern: Pattern; init: Node; update: Node }
  | { k: 'foreach'; source: Node; pattern: Pattern; init: Node; update: Node; extract?: Node }
  | { k: 'if'; cond: Node; then: Node; elifs: Array<{ cond: Node; then: Node }>; else?: Node }
  | { k: 'def'; name: string; params: string[]; body: Node; rest: Node }
  | { k: 'call'; name: string; args: Node[] }
  | { k: 'label'; name: string; body: Node }
  | { k: 'break'; name: string }

export type Pattern = { p: 'var'; name: string } | { p: 'array'; items: Pattern[] } | { p: 'object'; entries: Array<{ key: Node | string; keyVar?: string; value?: Pattern }> }

export const parseJq = (src: string): Node => {
  const p = new Parser(lex(src), src)
  const n = p.pipe()
  if (p.tok.t !== 'eof') p.fail()
  return n
}

class Parser {
  pos = 0
  constructor(
    readonly toks: Tok[],
    readonly src: string,
  ) {}
  get tok(): Tok {
    return this.toks[this.pos] as Tok
  }
  isOp(v: string): boolean {
    const t = this.tok
    return t.t === 'op' && t.v === v
  }
  isIdent(v: string): boolean {
    const t = this.tok
    return t.t === 'ident' && t.v === v
  }
  fail(): never {
    const t = this.tok
    const what = t.t === 'eof' ? '$end' : t.t === 'op' ? `'${t.v}'` : t.t === 'ident' ? `IDENT ${t.v}` : t.t
    throw new JqSyntaxError(`syntax error, unexpected ${what} (Unix shell quoting issues?) at <top-level>, line 1:\n${this.src}`)
  }
  eatOp(v: string) {
    if (!this.isOp(v)) this.fail()
    this.pos++
  }
  eatIdent(v: string) {
    if (!this.isIdent(v)) this.fail()
    this.pos++
  }

  pipe(): Node {
    if (this.isIdent('def')) {
      const def = this.funcDef()
      return { ...def, rest: this.pipe() }
    }
    const left = this.comma()
    if (this.isIdent('as')) {
      this.pos++
      const patterns = [this.pattern()]
      while (this.isOp('?//')) {
        this.pos++
        patterns.push(this.pattern())
      }
      this.eatOp('|')
      return { k: 'as', source: left, patterns, body: this.pipe() }
    }
    if (this.isOp('|')) {
      this.pos++
      return { k: 'pipe', left, right: this.pipe() }
    }
    return left
  }

  funcDef(): Extract<Node, { k: 'def' }> {
    this.eatIdent('def')
    const t = this.tok
    if (t.t !== 'ident') this.fail()
    this.pos++
    const params: string[] = []
    if (this.isOp('(')) {
      this.pos++
      for (;;) {
        const p = this.tok
        if (p.t === 'ident') params.push(p.v)
        else if (p.t === 'var') params.push(`$${p.v}`)
        else this.fail()
        this.pos++
        if (this.isOp(';')) {
          this.pos++
          continue
        }
        this.eatOp(')')
        break
      }
    }
    this.eatOp(':')
    const body = this.pipe()
    this.eatOp(';')
    return { k: 'def', name: t.v, params, body, rest: { k: 'identity' } }
  }

  pattern(): Pattern {
    const t = this.tok
    if (t.t === 'var') {
      this.pos++
      return { p: 'var', name: t.v }
    }
    if (this.isOp('[')) {
      this.pos++
      const items: Pattern[] = []
      if (!this.isOp(']')) {
        items.push(this.pattern())
        while (this.isOp(',')) {
          this.pos++
          items.push(this.pattern())
        }
      }
      this.eatOp(']')
      return { p: 'array', items }
    }
    if (this.isOp('{')) {
      this.pos++
      const entries: Array<{ key: Node | string; keyVar?: string; value?: Pattern }> = []
      for (;;) {
        const k = this.tok
        if (k.t === 'var') {
          this.pos++
          const e: { key: Node | string; keyVar?: string; value?: Pattern } = { key: k.v, keyVar: k.v }
          if (this.isOp(':')) {
            this.pos++
            e.value = this.pattern()
          }
          entries.push(e)
        } else {
          let key: Node
          if (k.t === 'ident') {
            this.pos++
            key = { k: 'literal', v: k.v }
          } else if (k.t === 'str') {
            this.pos++
            key = this.strNode(k)
          } else if (this.isOp('(')) {
            this.pos++
            key = this.pipe()
            this.eatOp(')')
          } else this.fail()
          this.eatOp(':')
          entries.push({ key, value: this.pattern() })
        }
        if (this.isOp(',')) {
          this.pos++
          continue
        }
        this.eatOp('}')
        break
      }
      return { p: 'object', entries }
    }
    this.fail()
  }

  comma(): Node {
    let left = this.alt()
    while (this.isOp(',')) {
      this.pos++
      left = { k: 'comma', left, right: this.alt() }
    }
    return left
  }

  alt(): Node {
    const left = this.assign()
    if (this.isOp('//')) {
      this.pos++
      return { k: 'alt', left, right: this.alt() }
    }
    return left
  }

  assign(): Node {
    const left = this.or()
    for (const op of ['=', '|=', '+=', '-=', '*=', '/=', '%=', '//=']) {
      if (this.isOp(op)) {
        this.pos++
        return { k: 'assign', op, left, right: this.alt() }
      }
    }
    return left
  }

  or(): Node {
    let left = this.and()
    while (this.isOp('or')) {
      this.pos++
      left = { k: 'or', left, right: this.and() }
    }
    return left
  }

  and(): Node {
    let left = this.compare()
    while (this.isOp('and')) {
      this.pos++
      left = { k: 'and', left, right: this.compare() }
    }
    return left
  }

  compare(): Node {
    const left = this.additive()
    for (const op of ['==', '!=', '<=', '>=', '<', '>']) {
      if (this.isOp(op)) {
        this.pos++
        return { k: 'binop', op, left, right: this.additive() }
      }
    }
    return left
  }

  additive(): Node {
    let left = this.multiplicative()
    while (this.isOp('+') || this.isOp('-')) {
      const op = (this.tok as { v: string }).v
      this.pos++
      left = { k: 'binop', op, left, right: this.multiplicative() }
    }
    return left
  }

  multiplicative(): Node {
    let left = this.unary()
    while (this.isOp('*') || this.isOp('/') || this.isOp('%')) {
      const op = (this.tok as { v: string }).v
      this.pos++
      left = { k: 'binop', op, left, right: this.unary() }
    }
    return left
  }

  unary(): Node {
    if (this.isOp('-')) {
      this.pos++
      return { k: 'neg', expr: this.postfix() }
    }
    return this.postfix()
  }

  postfix(): Node {
    let t = this.term()
    for (;;) {
      if (this.tok.t === 'field') {
        const name = (this.tok as { v: string }).v
        this.pos++
        t = { k: 'field', target: t, name: { k: 'literal', v: name }, opt: this.optional() }
        continue
      }
      if (this.isOp('.') && this.toks[this.pos + 1]?.t === 'str') {
        this.pos++
        const s = this.tok as Extract<Tok, { t: 'str' }>
        this.pos++
        t = { k: 'field', target: t, name: this.strNode(s), opt: this.optional() }
        continue
      }
      if (this.isOp('.') && this.toks[this.pos + 1]?.t === 'op' && (this.toks[this.pos + 1] as { v: string }).v === '[') {
        this.pos++
        continue
      }
      if (this.isOp('[')) {
        this.pos++
        t = this.bracketSuffix(t)
        continue
      }
      if (this.isOp('?')) {
        this.pos++
        t = { k: 'try', body: t }
        continue
      }
      if (this.isIdent('as') || !this.isOp('.')) return t
      return t
    }
  }

  optional(): boolean {
    if (this.isOp('?')) {
      this.pos++
      return true
    }
    return false
  }

  /** After `[`: `]` iterate, `e]` index, `a:b]` slice. */
  bracketSuffix(target: Node): Node {
    if (this.isOp(']')) {
      this.pos++
      return { k: 'iterate', target, opt: this.optional() }
    }
    if (this.isOp(':')) {
      this.pos++
      const to = this.pipe()
      this.eatOp(']')
      return { k: 'slice', target, to, opt: this.optional() }
    }
    const index = this.pipe()
    if (this.isOp(':')) {
      this.pos++
      const to = this.isOp(']') ? undefined : this.pipe()
      this.eatOp(']')
      return { k: 'slice', target, from: index, ...(to ? { to } : {}), opt: this.optional() }
    }
    this.eatOp(']')
    return { k: 'index', target, index, opt: this.optional() }
  }

  strNode(s: Extract<Tok, { t: 'str' }>, fmt?: string): Node {
    const parts = s.parts.map((p) => {
      if (typeof p === 'string') return p
      const sub = new Parser([...p.filter((x) => x.t !== 'eof'), { t: 'eof' } as Tok], this.src)
      const n = sub.pipe()
      return n
    })
    if (!fmt && parts.length === 1 && typeof parts[0] === 'string') return { k: 'literal', v: parts[0] }
    return { k: 'str', parts, ...(fmt ? { fmt } : {}) }
  }

  term(): Node {
    const t = this.tok
    switch (t.t) {
      case 'num':
        this.pos++
        return { k: 'literal', v: t.v }
      case 'str':
        this.pos++
        return this.strNode(t)
      case 'format': {
        this.pos++
        const s = this.tok
        if (s.t === 'str') {
          this.pos++
          return this.strNode(s, t.v)
        }
        return { k: 'format', name: t.v }
      }
      case 'field':
        this.pos++
        return { k: 'field', target: { k: 'identity' }, name: { k: 'literal', v: t.v }, opt: this.optional() }
      case 'var':
        this.pos++
        if (t.v === '__loc__') return { k: 'literal', v: { file: '<stdin>', line: 1 } }
        return { k: 'var', name: t.v }
      case 'ident':
        return this.identTerm(t.v)
      case 'op':
        break
      default:
        this.fail()
    }
    const v = t.v
    if (v === '.') {
      this.pos++
      const n = this.tok
      if (n.t === 'str') {
        this.pos++
        return { k: 'field', target: { k: 'identity' }, name: this.strNode(n), opt: this.optional() }
      }
      if (this.isOp('[')) {
        this.pos++
        return this.bracketSuffix({ k: 'identity' })
      }
      return { k: 'identity' }
    }
    if (v === '..') {
      this.pos++
      return { k: 'recurse' }
    }
    if (v === '(') {
      this.pos++
      const e = this.pipe()
      this.eatOp(')')
      return e
    }
    if (v === '[') {
      this.pos++
      if (this.isOp(']')) {
        this.pos++
        return { k: 'array' }
      }
      const body = this.pipe()
      this.eatOp(']')
      return { k: 'array', body }
    }
    if (v === '{') {
      this.pos++
      return this.objectCons()
    }
    if (v === '-') {
      this.pos++
      return { k: 'neg', expr: this.postfix() }
    }
    this.fail()
  }

  objectCons(): Node {
    const entries: Array<{ key: Node; value?: Node }> = []
    if (this.isOp('}')) {
      this.pos++
      return { k: 'object', entries }
    }
    for (;;) {
      const t = this.tok
      let key: Node
      let shorthand: Node | undefined
      if (t.t === 'ident') {
        this.pos++
        key = { k: 'literal', v: t.v }
        shorthand = { k: 'field', target: { k: 'identity' }, name: key, opt: false }
      } else if (t.t === 'var') {
        this.pos++
        key = { k: 'literal', v: t.v }
        shorthand = { k: 'var', name: t.v }
      } else if (t.t === 'str') {
        this.pos++
        key = this.strNode(t)
        shorthand = { k: 'field', target: { k: 'identity' }, name: key, opt: false }
      } else if (t.t === 'format') {
        this.pos++
        const s = this.tok
        if (s.t !== 'str') this.fail()
        this.pos++
        key = this.strNode(s, t.v)
        shorthand = { k: 'field', target: { k: 'identity' }, name: key, opt: false }
      } else if (t.t === 'num') {
        this.pos++
        key = { k: 'literal', v: t.v }
      } else if (this.isOp('(')) {
        this.pos++
        key = this.pipe()
        this.eatOp(')')
      } else this.fail()
      if (this.isOp(':')) {
        this.pos++
        const value = this.objectValue()
        entries.push({ key, value })
      } else {
        if (!shorthand) this.fail()
        entries.push({ key, value: shorthand })
      }
      if (this.isOp(',')) {
        this.pos++
        continue
      }
      this.eatOp('}')
      return { k: 'object', entries }
    }
  }

  /** Object values bind tighter than `,` but may use `|` inside parentheses only. */
  objectValue(): Node {
    let left = this.alt()
    while (this.isOp('|')) {
      this.pos++
      left = { k: 'pipe', left, right: this.alt() }
    }
    return left
  }

  identTerm(name: string): Node {
    switch (name) {
      case 'if': {
        this.pos++
        const cond = this.pipe()
        this.eatIdent('then')
        const then = this.pipe()
        const elifs: Array<{ cond: Node; then: Node }> = []
        let els: Node | undefined
        for (;;) {
          if (this.isIdent('elif')) {
            this.pos++
            const c = this.pipe()
            this.eatIdent('then')
            elifs.push({ cond: c, then: this.pipe() })
            continue
          }
          if (this.isIdent('else')) {
            this.pos++
            els = this.pipe()
          }
          this.eatIdent('end')
          break
        }
        return { k: 'if', cond, then, elifs, ...(els ? { else: els } : {}) }
      }
      case 'try': {
        this.pos++
        const body = this.postfixBody()
        if (this.isIdent('catch')) {
          this.pos++
          return { k: 'try', body, handler: this.postfixBody() }
        }
        return { k: 'try', body }
      }
      case 'reduce':
      case 'foreach': {
        this.pos++
        const source = this.postfix()
        this.eatIdent('as')
        const pattern = this.pattern()
        this.eatOp('(')
        const init = this.pipe()
        this.eatOp(';')
        const update = this.pipe()
        let extract: Node | undefined
        if (name === 'foreach' && this.isOp(';')) {
          this.pos++
          extract = this.pipe()
        }
        this.eatOp(')')
        if (name === 'reduce') return { k: 'reduce', source, pattern, init, update }
        return { k: 'foreach', source, pattern, init, update, ...(extract ? { extract } : {}) }
      }
      case 'label': {
        this.pos++
        const v = this.tok
        if (v.t !== 'var') this.fail()
        this.pos++
        this.eatOp('|')
        return { k: 'label', name: v.v, body: this.pipe() }
      }
      case 'def': {
        const def = this.funcDef()
        return { ...def, rest: this.pipe() }
      }
    }
    if (name === 'break') {
      this.pos++
      const v = this.tok
      if (v.t !== 'var') this.fail()
      this.pos++
      return { k: 'break', name: v.v }
    }
    if (KEYWORDS.has(name) && name !== 'not') this.fail()
    this.pos++
    if (name === 'true' || name === 'false' || name === 'null') return { k: 'literal', v: name === 'null' ? null : name === 'true' }
    const args: Node[] = []
    if (this.isOp('(')) {
      this.pos++
      args.push(this.pipe())
      while (this.isOp(';')) {
        this.pos++
        args.push(this.pipe())
      }
      this.eatOp(')')
    }
    return { k: 'call', name, args }
  }

  /** `try` binds to a postfix term (jq: `try error("x") catch .`). */
  postfixBody(): Node {
    return this.postfix()
  }
}
