/** awk parser: tokens to a Program (rules, functions), with awk's grammar quirks. */
import type { Expr, FuncDef, Program, Rule, Stmt } from './ast.js'
import { AwkSyntaxError, type Token, tokenize } from './lexer.js'

export const parseAwk = (src: string): Program => new Parser(tokenize(src)).program()

class Parser {
  pos = 0
  /** Inside `print` arguments (outside parentheses) `>` is a redirection. */
  noGt = 0
  /** Inside a `for (` header `in` may not be consumed as an operator by the key expression. */
  noIn = 0
  constructor(readonly toks: Token[]) {}

  get tok(): Token {
    return this.toks[this.pos] as Token
  }
  is(value: string, kind?: string): boolean {
    const t = this.tok
    return t.value === value && (kind === undefined ? t.kind === 'op' || t.kind === 'kw' : t.kind === kind)
  }
  next(): Token {
    return this.toks[this.pos++] as Token
  }
  expect(value: string): Token {
    if (!this.is(value)) this.fail()
    return this.next()
  }
  fail(): never {
    const t = this.tok
    throw new AwkSyntaxError(`syntax error at source line ${t.line}: unexpected ${t.kind === 'eof' ? 'end of input' : t.kind === 'nl' ? 'newline' : `'${t.value}'`}`)
  }
  skipNl() {
    while (this.tok.kind === 'nl') this.pos++
  }
  skipTerms() {
    while (this.tok.kind === 'nl' || this.is(';')) this.pos++
  }

  program(): Program {
    const rules: Rule[] = []
    const funcs = new Map<string, FuncDef>()
    this.skipTerms()
    while (this.tok.kind !== 'eof') {
      if (this.is('function')) {
        this.next()
        const nameTok = this.next()
        if (nameTok.kind !== 'funcname' && nameTok.kind !== 'name') this.fail()
        this.expect('(')
        const params: string[] = []
        while (!this.is(')')) {
          const p = this.next()
          if (p.kind !== 'name') this.fail()
          params.push(p.value)
          if (this.is(',')) {
            this.next()
            this.skipNl()
          }
        }
        this.next()
        this.skipNl()
        funcs.set(nameTok.value, { name: nameTok.value, params, body: this.block() })
      } else if (this.is('BEGIN') || this.is('END')) {
        const kind = this.next().value === 'BEGIN' ? 'begin' : 'end'
        this.skipNl()
        rules.push({ kind, action: this.block() })
      } else {
        const rule: Rule = { kind: 'main' }
        if (!this.is('{')) {
          rule.pattern = this.expr()
          if (this.is(',')) {
            this.next()
            this.skipNl()
            rule.pattern2 = this.expr()
          }
        }
        if (this.is('{')) rule.action = this.block()
        rules.push(rule)
      }
      this.skipTerms()
    }
    return { rules, funcs }
  }

  block(): Stmt[] {
    this.expect('{')
    const body: Stmt[] = []
    this.skipTerms()
    while (!this.is('}')) {
      body.push(this.stmt())
      this.skipTerms()
    }
    this.next()
    return body
  }

  /** A simple statement ends at newline, `;` or before `}`. */
  endSimple() {
    if (this.tok.kind === 'nl' || this.is(';')) {
      this.next()
      return
    }
    if (this.is('}') || this.tok.kind === 'eof') return
    this.fail()
  }

  stmt(): Stmt {
    const t = this.tok
    if (this.is('{')) return { t: 'block', body: this.block() }
    if (t.kind === 'kw') {
      switch (t.value) {
        case 'if': {
          this.next()
          this.expect('(')
          const test = this.expr()
          this.expect(')')
          this.skipNl()
          const yes = this.stmtOrEmpty()
          const save = this.pos
          this.skipTerms()
          if (this.is('else')) {
            this.next()
            this.skipNl()
            return { t: 'if', test, yes, no: this.stmtOrEmpty() }
          }
          this.pos = save
          return { t: 'if', test, yes }
        }
        case 'while': {
          this.next()
          this.expect('(')
          const test = this.expr()
          this.expect(')')
          if (this.is(';')) {
            this.next()
            return { t: 'while', test, body: { t: 'block', body: [] } }
          }
          this.skipNl()
          return { t: 'while', test, body: this.stmtOrEmpty() }
        }
        case 'do': {
          this.next()
          this.skipNl()
          const body = this.stmtOrEmpty()
          this.skipTerms()
          this.expect('while')
          this.expect('(')
          const test = this.expr()
          this.expect(')')
          this.endSimple()
          return { t: 'do', body, test }
        }
        case 'for': {
          this.next()
          this.expect('(')
          // for (key in arr)
          if (this.tok.kind === 'name' && this.toks[this.pos + 1]?.value === 'in' && this.toks[this.pos + 2]?.kind === 'name' && this.toks[this.pos + 3]?.value === ')') {
            const key = this.next().value
            this.next()
            const arr = this.next().value
            this.next()
            this.skipNl()
            return { t: 'forin', key, arr, body: this.stmtOrEmpty() }
          }
          const init = this.is(';') ? undefined : this.simpleStmt()
          this.expect(';')
          this.skipNl()
          const test = this.is(';') ? undefined : this.expr()
          this.expect(';')
          this.skipNl()
          const step = this.is(')') ? undefined : this.simpleStmt()
          this.expect(')')
          if (this.is(';')) {
            this.next()
            return { t: 'for', init, test, step, body: { t: 'block', body: [] } }
          }
          this.skipNl()
          return { t: 'for', init, test, step, body: this.stmtOrEmpty() }
        }
        case 'next':
        case 'nextfile':
        case 'break':
        case 'continue':
          this.next()
          this.endSimple()
          return { t: t.value }
        case 'exit':
        case 'return': {
          this.next()
          let value: Expr | undefined
          if (!(this.tok.kind === 'nl' || this.is(';') || this.is('}') || this.tok.kind === 'eof')) value = this.expr()
          this.endSimple()
          return { t: t.value, ...(value ? { value } : {}) }
        }
      }
    }
    if (this.is(';')) {
      this.next()
      return { t: 'block', body: [] }
    }
    const s = this.simpleStmt()
    this.endSimple()
    return s
  }

  stmtOrEmpty(): Stmt {
    if (this.is(';')) {
      this.next()
      return { t: 'block', body: [] }
    }
    return this.stmt()
  }

  simpleStmt(): Stmt {
    if (this.is('print') || this.is('printf')) {
      const kind = this.next().value as 'print' | 'printf'
      let args: Expr[] = []
      this.noGt++
      if (!(this.tok.kind === 'nl' || this.is(';') || this.is('}') || this.is('>') || this.is('>>') || this.is('|') || this.tok.kind === 'eof')) {
        // `print (a, b)` is a parenthesised list; `print (a)(b)` is a concatenation.
        if (this.is('(')) {
          const save = this.pos
          this.next()
          this.noGt--
          const list = [this.expr()]
          while (this.is(',')) {
            this.next()
            this.skipNl()
            list.push(this.expr())
          }
          this.noGt++
          if (this.is(')') && (() => {
            const n = this.toks[this.pos + 1] as Token
            return n.kind === 'nl' || n.value === ';' || n.value === '}' || n.value === '>' || n.value === '>>' || n.value === '|' || n.kind === 'eof'
          })()) {
            this.next()
            args = list
          } else {
            this.pos = save
            args = this.exprList()
          }
        } else args = this.exprList()
      }
      this.noGt--
      let redirect: { op: '>' | '>>' | '|'; dest: Expr } | undefined
      if (this.is('>') || this.is('>>') || this.is('|')) {
        const op = this.next().value as '>' | '>>' | '|'
        redirect = { op, dest: this.concatExpr() }
      }
      return { t: kind, args, ...(redirect ? { redirect } : {}) }
    }
    if (this.is('delete')) {
      this.next()
      const name = this.next()
      if (name.kind !== 'name') this.fail()
      if (this.is('[')) {
        this.next()
        const subs = this.exprList()
        this.expect(']')
        return { t: 'delete', name: name.value, subs }
      }
      return { t: 'delete', name: name.value }
    }
    return { t: 'expr', expr: this.expr() }
  }

  exprList(): Expr[] {
    const list = [this.expr()]
    while (this.is(',')) {
      this.next()
      this.skipNl()
      list.push(this.expr())
    }
    return list
  }

  expr(): Expr {
    return this.ternary()
  }

  isLvalue(e: Expr): boolean {
    return e.t === 'var' || e.t === 'field' || e.t === 'index'
  }

  ternary(): Expr {
    const test = this.orExpr()
    if (this.is('?')) {
      this.next()
      this.skipNl()
      const yes = this.ternary()
      this.skipNl()
      this.expect(':')
      this.skipNl()
      const no = this.ternary()
      return { t: 'cond', test, yes, no }
    }
    if (this.isLvalue(test) && ['=', '+=', '-=', '*=', '/=', '%=', '^='].some((o) => this.is(o))) {
      const op = this.next().value
      this.skipNl()
      return { t: 'assign', op, target: test, value: this.ternary() }
    }
    return test
  }

  orExpr(): Expr {
    let left = this.andExpr()
    while (this.is('||')) {
      this.next()
      this.skipNl()
      left = { t: 'or', left, right: this.andExpr() }
    }
    return left
  }

  andExpr(): Expr {
    let left = this.inExpr()
    while (this.is('&&')) {
      this.next()
      this.skipNl()
      left = { t: 'and', left, right: this.inExpr() }
    }
    return left
  }

  inExpr(): Expr {
    let left = this.matchExpr()
    while (this.is('in') && !this.noIn) {
      this.next()
      const name = this.next()
      if (name.kind !== 'name') this.fail()
      left = { t: 'in', subs: left.t === 'group' && (left as { expr: Expr }).expr ? [left] : [left], name: name.value }
    }
    return left
  }

  matchExpr(): Expr {
    let left = this.compare()
    while (this.is('~') || this.is('!~')) {
      const neg = this.next().value === '!~'
      left = { t: 'match', neg, left, re: this.compare() }
    }
    return left
  }

  compare(): Expr {
    let left = this.concatExpr()
    // `cmd | getline [var]` binds looser than concatenation.
    while (this.is('|') && this.toks[this.pos + 1]?.value === 'getline') {
      this.pos += 2
      let target: Expr | undefined
      if (this.tok.kind === 'name' || this.is('$')) target = this.primaryNoPipe()
      left = { t: 'getline', kind: 'cmd', src: left, ...(target ? { target } : {}) }
    }
    const ops = ['<', '<=', '!=', '==', '>=', ...(this.noGt ? [] : ['>'])]
    const op = ops.find((o) => this.is(o))
    if (op) {
      this.next()
      return { t: 'binary', op, left, right: this.concatExpr() }
    }
    return left
  }

  startsOperand(): boolean {
    const t = this.tok
    if (t.kind === 'num' || t.kind === 'str' || t.kind === 'regex' || t.kind === 'name' || t.kind === 'funcname' || t.kind === 'builtin') return true
    if (t.kind === 'op') return t.value === '$' || t.value === '(' || t.value === '!' || t.value === '-' || t.value === '+' || t.value === '++' || t.value === '--'
    return false
  }

  concatExpr(): Expr {
    let left = this.additive()
    // Juxtaposition: `a b`, but not `a -1` (subtraction) or `a in b`.
    while (this.startsOperand() && !(this.tok.kind === 'op' && (this.tok.value === '-' || this.tok.value === '+' || this.tok.value === '!')) && !(this.tok.kind === 'kw' && this.tok.value === 'in')) {
      if (this.tok.kind === 'kw' && this.tok.value === 'getline') break
      left = { t: 'concat', left, right: this.additive() }
    }
    return left
  }

  additive(): Expr {
    let left = this.multiplicative()
    while (this.is('+') || this.is('-')) {
      const op = this.next().value
      left = { t: 'binary', op, left, right: this.multiplicative() }
    }
    return left
  }

  multiplicative(): Expr {
    let left = this.unary()
    while (this.is('*') || this.is('/') || this.is('%')) {
      const op = this.next().value
      left = { t: 'binary', op, left, right: this.unary() }
    }
    return left
  }

  unary(): Expr {
    if (this.is('!')) {
      this.next()
      return { t: 'unary', op: '!', expr: this.unary() }
    }
    if (this.is('-') || this.is('+')) {
      const op = this.next().value
      return { t: 'unary', op, expr: this.unary() }
    }
    return this.power()
  }

  power(): Expr {
    const base = this.postfix()
    if (this.is('^')) {
      this.next()
      // Right associative, and binds tighter than unary minus on its left only.
      const exp = this.is('-') || this.is('+') || this.is('!') ? this.unary() : this.power()
      return { t: 'binary', op: '^', left: base, right: exp }
    }
    return base
  }

  postfix(): Expr {
    if (this.is('++') || this.is('--')) {
      const op = this.next().value as '++' | '--'
      const target = this.postfix()
      if (!this.isLvalue(target)) this.fail()
      return { t: 'incdec', op, prefix: true, target }
    }
    const e = this.primary()
    if (this.isLvalue(e) && (this.is('++') || this.is('--'))) {
      const op = this.next().value as '++' | '--'
      return { t: 'incdec', op, prefix: false, target: e }
    }
    return e
  }

  primary(): Expr {
    const t = this.tok
    switch (t.kind) {
      case 'num':
        this.next()
        return { t: 'num', v: t.num ?? 0 }
      case 'str':
        this.next()
        return { t: 'str', v: t.value }
      case 'regex':
        this.next()
        return { t: 'regex', src: t.value }
      case 'funcname': {
        this.next()
        this.expect('(')
        const args = this.is(')') ? [] : this.exprList()
        this.expect(')')
        return { t: 'call', name: t.value, args }
      }
      case 'builtin': {
        this.next()
        if (!this.is('(')) {
          if (t.value === 'length') return { t: 'builtin', name: 'length', args: [] }
          this.fail()
        }
        this.next()
        this.noGt++
        const saveGt = this.noGt
        this.noGt = 0
        const args = this.is(')') ? [] : this.exprList()
        this.noGt = saveGt - 1
        this.expect(')')
        return { t: 'builtin', name: t.value, args }
      }
      case 'name': {
        this.next()
        if (this.is('[')) {
          this.next()
          const subs = this.exprList()
          this.expect(']')
          return { t: 'index', name: t.value, subs }
        }
        const v: Expr = { t: 'var', name: t.value }
        return v
      }
      case 'kw':
        if (t.value === 'getline') return this.getline()
        break
      case 'op':
        if (t.value === '$') {
          this.next()
          const index = this.is('++') || this.is('--') ? this.postfix() : this.primaryNoPipe()
          return { t: 'field', index }
        }
        if (t.value === '(') {
          this.next()
          const saveGt = this.noGt
          const saveIn = this.noIn
          this.noGt = 0
          this.noIn = 0
          const first = this.expr()
          if (this.is(',')) {
            // (a, b) in arr
            const subs = [first]
            while (this.is(',')) {
              this.next()
              subs.push(this.expr())
            }
            this.expect(')')
            this.noGt = saveGt
            this.noIn = saveIn
            if (!this.is('in')) this.fail()
            this.next()
            const name = this.next()
            return { t: 'in', subs, name: name.value }
          }
          this.expect(')')
          this.noGt = saveGt
          this.noIn = saveIn
          return { t: 'group', expr: first }
        }
        if (t.value === '-' || t.value === '+' || t.value === '!') return this.unary()
    }
    this.fail()
  }

  primaryNoPipe(): Expr {
    const t = this.tok
    if (t.kind === 'num') {
      this.next()
      return { t: 'num', v: t.num ?? 0 }
    }
    if (t.kind === 'name') {
      this.next()
      if (this.is('[')) {
        this.next()
        const subs = this.exprList()
        this.expect(']')
        return { t: 'index', name: t.value, subs }
      }
      return { t: 'var', name: t.value }
    }
    if (this.is('(')) {
      this.next()
      const e = this.expr()
      this.expect(')')
      return { t: 'group', expr: e }
    }
    if (this.is('$')) {
      this.next()
      return { t: 'field', index: this.primaryNoPipe() }
    }
    if (this.is('-')) {
      this.next()
      return { t: 'unary', op: '-', expr: this.primaryNoPipe() }
    }
    return this.primary()
  }

  getline(): Expr {
    this.next()
    let target: Expr | undefined
    if (this.tok.kind === 'name' || this.is('$')) target = this.primaryNoPipe()
    if (this.is('<')) {
      this.next()
      return { t: 'getline', kind: 'file', ...(target ? { target } : {}), src: this.primaryNoPipe() }
    }
    return { t: 'getline', kind: 'plain', ...(target ? { target } : {}) }
  }
}

