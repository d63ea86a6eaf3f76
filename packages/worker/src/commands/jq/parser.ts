/** jq parser: tokens into a small AST; this module parses terms (literals, strings, arrays, objects, keyword forms, calls). */
import type { Node } from './ast.js'
import { ExprParser } from './expr-parser.js'
import { JqSyntaxError, KEYWORDS, type Tok, lex } from './lexer.js'

export { JqSyntaxError }
export type { Node, Pattern } from './ast.js'

export const parseJq = (src: string): Node => {
  const p = new Parser(lex(src), src)
  const n = p.pipe()
  if (p.tok.t !== 'eof') p.fail()
  return n
}

class Parser extends ExprParser {
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
