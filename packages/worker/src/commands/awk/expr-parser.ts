/** awk expressions by precedence, from the ternary and assignment down to primaries and getline forms. */
import type { Expr } from './ast.js'
import { TokenCursor } from './token-cursor.js'

export class ExprParser extends TokenCursor {
  /** Inside `print` arguments (outside parentheses) `>` is a redirection. */
  noGt = 0
  /** Inside a `for (` header `in` may not be consumed as an operator by the key expression. */
  noIn = 0

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
