/**
 * Shell arithmetic (`$(( ))`, `(( ))`, `let`, array indexes): C-like integer expressions
 * over shell variables. Parsed trees are cached by source text, so a loop body that
 * evaluates the same expression ten thousand times parses it once.
 */
import { ShellError } from './errors.js'

export interface ArithScope {
  get(name: string, index?: number): string | undefined
  set(name: string, value: string, index?: number): void
}

type Node =
  | { t: 'num'; v: number }
  | { t: 'var'; name: string; index?: Node }
  | { t: 'un'; op: string; a: Node }
  | { t: 'bin'; op: string; a: Node; b: Node }
  | { t: 'assign'; op: string; name: string; index?: Node; b: Node }
  | { t: 'incdec'; op: '++' | '--'; prefix: boolean; name: string; index?: Node }
  | { t: 'cond'; c: Node; a: Node; b: Node }
  | { t: 'comma'; a: Node; b: Node }

const cache = new Map<string, Node | null>()

const err = (expr: string, msg: string): ShellError =>
  new ShellError('arith', `${expr.trim()}: ${msg}`)

const BIN_PREC: Record<string, number> = {
  '||': 1, '&&': 2, '|': 3, '^': 4, '&': 5, '==': 6, '!=': 6,
  '<': 7, '>': 7, '<=': 7, '>=': 7, '<<': 8, '>>': 8, '+': 9, '-': 9, '*': 10, '/': 10, '%': 10, '**': 11,
}
const ASSIGN_OPS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '<<=', '>>=', '&=', '|=', '^='])
const TOKEN_RE = /\s*(0[xX][0-9a-fA-F]+|\d+#[0-9A-Za-z@_]+|\d+|[A-Za-z_][A-Za-z0-9_]*|<<=|>>=|\*\*|\+\+|--|<<|>>|<=|>=|==|!=|&&|\|\||[-+*/%]=|[&|^]=|[-+*/%<>=!~&|^?:(),\[\]])/y

function tokenize(src: string): string[] {
  const out: string[] = []
  TOKEN_RE.lastIndex = 0
  let pos = 0
  while (pos < src.length) {
    if (/^\s*$/.test(src.slice(pos))) break
    TOKEN_RE.lastIndex = pos
    const m = TOKEN_RE.exec(src)
    if (!m) {
      const rest = src.slice(pos).trim()
      throw err(src, `syntax error: invalid arithmetic operator (error token is "${rest}")`)
    }
    out.push(m[1]!)
    pos = TOKEN_RE.lastIndex
  }
  return out
}

function parseNumber(tok: string, src: string): number {
  if (/^0[xX]/.test(tok)) return parseInt(tok.slice(2), 16)
  const based = /^(\d+)#(.+)$/.exec(tok)
  if (based) {
    const base = Number(based[1])
    const digits = '0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ@_'
    let v = 0
    for (const ch of based[2]!) {
      const d = base <= 36 ? digits.indexOf(ch.toLowerCase()) : digits.indexOf(ch)
      if (d < 0 || d >= base) throw err(src, `value too great for base (error token is "${tok}")`)
      v = v * base + d
    }
    return v
  }
  if (tok.length > 1 && tok.startsWith('0')) {
    if (!/^[0-7]+$/.test(tok)) throw err(src, `value too great for base (error token is "${tok}")`)
    return parseInt(tok, 8)
  }
  return Number(tok)
}

class ArithParser {
  private i = 0
  constructor(
    private readonly toks: string[],
    private readonly src: string,
  ) {}

  parse(): Node | null {
    if (this.toks.length === 0) return null
    const n = this.comma()
    if (this.i < this.toks.length) throw err(this.src, `syntax error in expression (error token is "${this.toks.slice(this.i).join(' ')}")`)
    return n
  }

  private peek(): string | undefined {
    return this.toks[this.i]
  }

  private comma(): Node {
    let a = this.assign()
    while (this.peek() === ',') {
      this.i++
      a = { t: 'comma', a, b: this.assign() }
    }
    return a
  }

  private assign(): Node {
    const start = this.i
    const tok = this.peek()
    if (tok && /^[A-Za-z_]/.test(tok)) {
      this.i++
      let index: Node | undefined
      if (this.peek() === '[') {
        this.i++
        index = this.comma()
        this.expect(']')
      }
      const op = this.peek()
      if (op && ASSIGN_OPS.has(op)) {
        this.i++
        const b = this.assign()
        return index ? { t: 'assign', op, name: tok, index, b } : { t: 'assign', op, name: tok, b }
      }
      this.i = start
    }
    return this.ternary()
  }

  private ternary(): Node {
    const c = this.binary(1)
    if (this.peek() === '?') {
      this.i++
      const a = this.assign()
      this.expect(':')
      const b = this.assign()
      return { t: 'cond', c, a, b }
    }
    return c
  }

  private binary(minPrec: number): Node {
    let a = this.unary()
    for (;;) {
      const op = this.peek()
      const prec = op ? BIN_PREC[op] : undefined
      if (op === undefined || prec === undefined || prec < minPrec) break
      this.i++
      // `**` is right-associative.
      const b = this.binary(op === '**' ? prec : prec + 1)
      a = { t: 'bin', op, a, b }
    }
    return a
  }

  private unary(): Node {
    const tok = this.peek()
    if (tok === '+' || tok === '-' || tok === '!' || tok === '~') {
      this.i++
      return { t: 'un', op: tok, a: this.unary() }
    }
    if (tok === '++' || tok === '--') {
      this.i++
      const name = this.peek()
      if (!name || !/^[A-Za-z_]/.test(name)) throw err(this.src, `syntax error: operand expected (error token is "${tok}")`)
      this.i++
      const index = this.maybeIndex()
      return index ? { t: 'incdec', op: tok, prefix: true, name, index } : { t: 'incdec', op: tok, prefix: true, name }
    }
    return this.postfix()
  }

  private maybeIndex(): Node | undefined {
    if (this.peek() !== '[') return undefined
    this.i++
    const n = this.comma()
    this.expect(']')
    return n
  }

  private postfix(): Node {
    const tok = this.peek()
    if (tok === undefined) throw err(this.src, 'syntax error: operand expected (error token is "")')
    if (tok === '(') {
      this.i++
      const n = this.comma()
      this.expect(')')
      return n
    }
    if (/^[0-9]/.test(tok)) {
      this.i++
      return { t: 'num', v: parseNumber(tok, this.src) }
    }
    if (/^[A-Za-z_]/.test(tok)) {
      this.i++
      const index = this.maybeIndex()
      const op = this.peek()
      if (op === '++' || op === '--') {
        this.i++
        return index ? { t: 'incdec', op, prefix: false, name: tok, index } : { t: 'incdec', op, prefix: false, name: tok }
      }
      return index ? { t: 'var', name: tok, index } : { t: 'var', name: tok }
    }
    throw err(this.src, `syntax error: operand expected (error token is "${this.toks.slice(this.i).join(' ')}")`)
  }

  private expect(tok: string): void {
    if (this.peek() !== tok) throw err(this.src, `syntax error: \`${tok}' expected (error token is "${this.toks.slice(this.i).join(' ')}")`)
    this.i++
  }
}

export function parseArith(src: string): Node | null {
  let n = cache.get(src)
  if (n !== undefined) return n
  n = new ArithParser(tokenize(src), src).parse()
  if (cache.size > 5000) cache.clear()
  cache.set(src, n)
  return n
}

const toInt = (v: number): number => {
  // Keep 64-bit-ish semantics within JS safe range; wrap via BigInt only when needed.
  if (Number.isSafeInteger(v)) return v
  return Number(BigInt.asIntN(64, BigInt(Math.trunc(v))))
}

export function evaluateArith(src: string, scope: ArithScope, depth = 0): number {
  const node = parseArith(src)
  if (!node) return 0
  return new Evaluator(scope, src, depth).eval(node)
}

class Evaluator {
  constructor(
    private readonly scope: ArithScope,
    private readonly src: string,
    private readonly depth: number,
  ) {}

  private readVar(name: string, index?: Node): number {
    const raw = this.scope.get(name, index ? this.eval(index) : undefined)
    if (raw === undefined || raw === '') return 0
    const s = raw.trim()
    if (/^-?\d+$/.test(s)) return Number(s)
    if (this.depth > 64) throw err(this.src, 'expression recursion level exceeded')
    return evaluateArith(s, this.scope, this.depth + 1)
  }

  eval(n: Node): number {
    switch (n.t) {
      case 'num': return n.v
      case 'var': return this.readVar(n.name, n.index)
      case 'comma': this.eval(n.a); return this.eval(n.b)
      case 'cond': return this.eval(n.c) !== 0 ? this.eval(n.a) : this.eval(n.b)
      case 'un': {
        const a = this.eval(n.a)
        switch (n.op) {
          case '-': return toInt(-a)
          case '+': return a
          case '!': return a === 0 ? 1 : 0
          default: return ~a
        }
      }
      case 'incdec': {
        const idx = n.index ? this.eval(n.index) : undefined
        const old = this.readVar(n.name, idx === undefined ? undefined : { t: 'num', v: idx })
        const v = n.op === '++' ? old + 1 : old - 1
        this.scope.set(n.name, String(v), idx)
        return n.prefix ? v : old
      }
      case 'assign': {
        const idx = n.index ? this.eval(n.index) : undefined
        let v = this.eval(n.b)
        if (n.op !== '=') {
          const old = this.readVar(n.name, idx === undefined ? undefined : { t: 'num', v: idx })
          v = this.binop(n.op.slice(0, -1), old, v)
        }
        this.scope.set(n.name, String(v), idx)
        return v
      }
      case 'bin': {
        if (n.op === '&&') return this.eval(n.a) !== 0 && this.eval(n.b) !== 0 ? 1 : 0
        if (n.op === '||') return this.eval(n.a) !== 0 || this.eval(n.b) !== 0 ? 1 : 0
        return this.binop(n.op, this.eval(n.a), this.eval(n.b))
      }
    }
  }

  private binop(op: string, a: number, b: number): number {
    switch (op) {
      case '+': return toInt(a + b)
      case '-': return toInt(a - b)
      case '*': return Number.isSafeInteger(a * b) ? a * b : Number(BigInt.asIntN(64, BigInt(a) * BigInt(b)))
      case '/':
        if (b === 0) throw err(this.src, 'division by 0 (error token is "' + this.src.trim().split('/').pop()!.trim() + '")')
        return Math.trunc(a / b)
      case '%':
        if (b === 0) throw err(this.src, 'division by 0 (error token is "' + this.src.trim().split('%').pop()!.trim() + '")')
        return a % b
      case '**':
        if (b < 0) throw err(this.src, 'exponent less than 0 (error token is "' + String(b) + '")')
        return Number(BigInt.asIntN(64, BigInt(a) ** BigInt(b)))
      case '<<': return Number(BigInt.asIntN(64, BigInt(a) << BigInt(b)))
      case '>>': return Number(BigInt.asIntN(64, BigInt(a) >> BigInt(b)))
      case '&': return Number(BigInt.asIntN(64, BigInt(a) & BigInt(b)))
      case '|': return Number(BigInt.asIntN(64, BigInt(a) | BigInt(b)))
      case '^': return Number(BigInt.asIntN(64, BigInt(a) ^ BigInt(b)))
      case '==': return a === b ? 1 : 0
      case '!=': return a !== b ? 1 : 0
      case '<': return a < b ? 1 : 0
      case '>': return a > b ? 1 : 0
      case '<=': return a <= b ? 1 : 0
      case '>=': return a >= b ? 1 : 0
      default: throw err(this.src, `syntax error: invalid arithmetic operator (error token is "${op}")`)
    }
  }
}
