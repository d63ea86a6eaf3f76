/**
 * jq filters above the term level: pipes with `def` and `as` bindings, destructuring patterns,
 * operators by precedence, and postfix suffixes (.field, [..], ?). Terms are parsed in parser.ts.
 */
import type { Node, Pattern } from './ast.js'
import type { Tok } from './lexer.js'
import { JqTokenCursor } from './token-cursor.js'

export abstract class ExprParser extends JqTokenCursor {
  abstract term(): Node
  abstract strNode(s: Extract<Tok, { t: 'str' }>, fmt?: string): Node

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
}
