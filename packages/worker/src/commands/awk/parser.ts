/** awk parser: tokens to a Program (rules, functions) and statements; expressions are parsed in expr-parser.ts. */
import type { Expr, FuncDef, Program, Rule, Stmt } from './ast.js'
import { ExprParser } from './expr-parser.js'
import { type Token, tokenize } from './lexer.js'

export const parseAwk = (src: string): Program => new Parser(tokenize(src)).program()

class Parser extends ExprParser {
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
}
